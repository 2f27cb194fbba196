// tsbpf fuzz regression: verifier: math between pkt pointer and N is not allowed
// Found by seed 3333, program 983 (medium), shrunk; make fuzz SEED=3333 ONLY=983 finds the original.
// math between pkt pointer and 4294967279 is not allowed
export class Probe1 {
  @tc({ onError: TcAction.Redirect })
  static prog1(ctx: TcContext): TcAction {
    const c1 = ctx.packet().vxlan()?.payload()?.arp()?.payload();
    const tcp1 = (c1 != null) ? c1.tcp() : ctx.packet().vxlan()?.payload()?.tcp();
    if (!tcp1) {
      return TcAction.Reclassify;
    }
    let vxlan1 = ctx.packet().vxlan()?.payload()?.udp()?.vxlan();
    if (!vxlan1) {
      return false ? TcAction.Reclassify : TcAction.Pipe;
    }
    const bytes1 = tcp1.payload().bytes(vxlan1.payload().u32(0) % 214, 17);
    return tcp1.psh ? TcAction.Pipe : TcAction.Redirect;
  }
}
