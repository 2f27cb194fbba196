// Counts IP packets by protocol (TCP, UDP, ICMP, other) and drops UDP to port 53 over IPv4 or IPv6; everything else goes on.
const DNS_PORT: u16 = 53;
const TCP = 6;
const UDP = 17;
const ICMP = 1;
const ICMPV6 = 58;

/** Packets per protocol: 0 TCP, 1 UDP, 2 ICMP (ICMPv6 over IPv6), 3 anything else. */
const protocols = new ArrayMap<u64>(4);

function slot(protocol: u8, icmp: u8): u32 {
  if (protocol == TCP) return 0;
  if (protocol == UDP) return 1;
  if (protocol == icmp) return 2;
  return 3;
}

export class TcClassify {
  @tc
  static tcClassify(ctx: TcContext): TcAction {
    const eth = ctx.eth();
    const ip4 = eth?.ipv4();
    if (ip4) {
      protocols.increment(slot(ip4.protocol, ICMP));
      const udp = ip4.udp();
      if (udp && udp.dport == DNS_PORT) return TcAction.Shot;
      return TcAction.Ok;
    }
    const ip6 = eth?.ipv6();
    if (!ip6) return TcAction.Ok;
    protocols.increment(slot(ip6.l4Protocol, ICMPV6));
    const udp6 = ip6.udp();
    if (udp6 && udp6.dport == DNS_PORT) return TcAction.Shot;
    return TcAction.Ok;
  }
}
