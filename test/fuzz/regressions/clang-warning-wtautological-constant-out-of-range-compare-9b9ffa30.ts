// tsbpf fuzz regression: clang warning: -Wtautological-constant-out-of-range-compare
// Found by seed 3333, program 344 (medium), shrunk; make fuzz SEED=3333 ONLY=344 finds the original.
// warning: result of comparison of constant 12884901888 with expression of type '__u16' (aka 'unsigned short') is always false [-Wtautological-constant-out-of-range-compare]
function fn1(): u64 {
  let b1: bool = (u64(6) << 31) < csumReplace16(0, 0, 0);
  return 0;
}
export class Probe1 {
  @xdp({ onError: XdpAction.Aborted })
  static prog1(ctx: XdpContext): XdpAction {
    return XdpAction.Redirect;
  }
}
