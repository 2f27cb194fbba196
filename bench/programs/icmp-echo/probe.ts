// Answers ICMP and ICMPv6 echo requests in place: reply type, MAC and IP addresses swapped, sent back with XDP_TX.
const ICMP_ECHO_REQUEST: u8 = 8;
const ICMP_ECHO_REPLY: u8 = 0;
const ICMPV6_ECHO_REQUEST: u8 = 128;
const ICMPV6_ECHO_REPLY: u8 = 129;

export class IcmpEcho {
  @xdp
  static icmpEcho(ctx: XdpContext): XdpAction {
    const eth = ctx.eth();
    if (!eth) return XdpAction.Pass;
    const ip = eth.ipv4();
    if (ip) {
      const icmp = ip.icmp();
      if (!icmp || icmp.type != ICMP_ECHO_REQUEST) return XdpAction.Pass;
      icmp.type = ICMP_ECHO_REPLY;
      const saddr = ip.saddr;
      ip.saddr = ip.daddr;
      ip.daddr = saddr;
    } else {
      const ip6 = eth.ipv6();
      const icmp6 = ip6?.icmpv6();
      if (!ip6 || !icmp6 || icmp6.type != ICMPV6_ECHO_REQUEST) return XdpAction.Pass;
      icmp6.type = ICMPV6_ECHO_REPLY;
      const saddr = ip6.saddr;
      ip6.saddr = ip6.daddr;
      ip6.daddr = saddr;
    }
    const mac = eth.src;
    eth.src = eth.dst;
    eth.dst = mac;
    return XdpAction.Tx;
  }
}
