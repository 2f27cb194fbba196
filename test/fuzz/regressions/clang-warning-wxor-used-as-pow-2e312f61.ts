// tsbpf fuzz regression: clang warning: -Wxor-used-as-pow
// Found by seed 3333, program 1367 (small), shrunk; make fuzz SEED=3333 ONLY=1367 finds the original.
// warning: result of '2 ^ 0' is 2; did you mean '1 << 0' (1)? [-Wxor-used-as-pow]
export class Probe1 {
  @xdp
  static prog1(ctx: XdpContext): XdpAction {
    let n1: u16 = ((u8(2) ^ 0) <= 0) ? u16(0) : 0;
    return false ? XdpAction.Drop : XdpAction.Aborted;
  }
}
