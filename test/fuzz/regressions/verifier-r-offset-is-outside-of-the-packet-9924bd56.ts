// tsbpf fuzz regression: verifier: R? offset is outside of the packet
// Found by seed 3333, program 915 (small), shrunk; make fuzz SEED=3333 ONLY=915 finds the original.
// R9 offset is outside of the packet
/** @noinline */
function fn1(p1: u32, p2: i8): u8 {
  const n1: u8 = 13;
  for (const ix1 of range(3)) {
  }
  return n1;
}
export class Probe1 {
  @xdp({ onError: XdpAction.Redirect })
  static prog1(ctx: XdpContext): XdpAction {
    const raw1: u8 = ctx.packet().u8(0);
    for (const ix1 of range(4)) {
      const bytes1 = ctx.packet().bytes(raw1 & fn1(0, 0), 19);
      let arr1: FixedArray<u16, 4> = [0, 0, csumReplace32(u16(bytes1[u16(0)]), u32(ctx.rxQueueIndex), 0)];
    }
    return false ? XdpAction.Redirect : XdpAction.Aborted;
  }
}
