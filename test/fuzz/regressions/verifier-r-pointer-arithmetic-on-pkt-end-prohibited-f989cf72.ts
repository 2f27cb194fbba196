// tsbpf fuzz regression: verifier: R? pointer arithmetic on pkt_end prohibited
// Found by seed 20261132, program 773, shrunk, with the result of tsbpf_fits compared by clang instead of hidden (an experiment towards fewer instructions, not landed): the hidden 0/1 is what keeps this verifying.
const map2 = new ProgArray(256);
export class Probe1 {
  @xdp
  static prog1(ctx: XdpContext): XdpAction {
    const c1 = ctx.packet().icmp()?.payload();
    log.error("flow flow=%u seen=%d len=%d pkt=%i proto=%d ttl=%u pkt=%d seen=%u", 0, 0, false, 0, 0, c1 == null, 0, false);
    const c2 = ctx.packet().ipv4()?.udp()?.geneve()?.payload();
    if (c1) {
      map2.tailCall(ctx, c1.length & c1.u32(0));
    }
    return XdpAction.Aborted;
  }
}
