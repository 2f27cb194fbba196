// tsbpf fuzz regression: verifier: R? !read_ok
// Found by seed 20261147, program 9166 (medium), shrunk; make fuzz SEED=20261147 ONLY=9166 finds the original.
// R2 !read_ok
export class Probe1 {
  @xdp({ onError: XdpAction.Tx })
  static prog1(ctx: XdpContext): XdpAction {
    const raw1: u16 = ctx.packet().u16(0);
    const c1 = ctx.eth()?.arp()?.payload()?.icmpv6()?.payload();
    if (!c1) {
      return (raw1 == 0) ? XdpAction.Pass : XdpAction.Aborted;
    }
    trace("x x=%u", 0);
    for (const ix1 of range(0, 5)) {
      let c2 = ctx.packet().geneve()?.options();
      c1.setU8(0, c1.u8(18));
    }
    return XdpAction.Tx;
  }
}
