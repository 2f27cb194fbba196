// Drops ICMPv6 echo requests, found past any IPv6 extension headers (VLANs looked through); everything else passes.
const ECHO_REQUEST: u8 = 128;

export class Ipv6ExtWalk {
  @xdp
  static ipv6ExtWalk(ctx: XdpContext): XdpAction {
    const icmp = ctx.eth()?.ipv6()?.icmpv6();
    if (icmp && icmp.type == ECHO_REQUEST) return XdpAction.Drop;
    return XdpAction.Pass;
  }
}
