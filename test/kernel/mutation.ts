// Programs that rewrite header fields: every setter writes network order and keeps the checksums valid.
export class Mutation {
  @xdp
  static decTtl(ctx: XdpContext): XdpAction {
    const ip = ctx.eth()?.ipv4();
    if (!ip || ip.ttl <= 1) return XdpAction.Drop;
    ip.ttl -= 1;
    return XdpAction.Tx;
  }

  /** NAT-like rewrite: addresses (IPv4 and TCP/UDP checksums through the pseudo-header) and ports. */
  @xdp
  static nat(ctx: XdpContext): XdpAction {
    const ip = ctx.eth()?.ipv4();
    if (!ip) return XdpAction.Pass;
    ip.saddr = 0xc0000201;
    ip.daddr = ip.daddr + 1;
    const tcp = ip.tcp();
    if (tcp) {
      tcp.dport = 8080;
      tcp.syn = false;
      tcp.ack = true;
      tcp.window = 1000;
    }
    const udp = ip.udp();
    if (udp) udp.sport = 5353;
    ip.dontFragment = true;
    ip.tos = 0x2e;
    return XdpAction.Tx;
  }

  /** ICMP echo request to reply; ICMPv6 too. */
  @xdp
  static echo(ctx: XdpContext): XdpAction {
    const eth = ctx.eth();
    const icmp = eth?.ipv4()?.icmp();
    if (icmp && icmp.type == 8) {
      icmp.type = 0;
      icmp.sequence += 1;
      return XdpAction.Tx;
    }
    const ip6 = eth?.ipv6();
    const icmp6 = ip6?.icmpv6();
    if (ip6 && icmp6 && icmp6.type == 128) {
      icmp6.type = 129;
      ip6.hopLimit = 255;
      ip6.flowLabel = 0x12345;
      ip6.trafficClass = 0xb8;
      return XdpAction.Tx;
    }
    return XdpAction.Pass;
  }

  @xdp
  static retag(ctx: XdpContext): XdpAction {
    const tag = ctx.eth()?.vlan(0);
    if (!tag) return XdpAction.Pass;
    tag.vid = tag.vid + 100;
    tag.pcp = 5;
    tag.dei = true;
    return XdpAction.Tx;
  }
}

/** Address value types: swap MACs (a reflector), rewrite IPv6 addresses (ICMPv6/UDP checksums through the pseudo-header). */
export class Addresses {
  @xdp
  static reflect(ctx: XdpContext): XdpAction {
    const eth = ctx.eth();
    if (!eth) return XdpAction.Pass;
    const src = eth.src;
    eth.src = eth.dst;
    eth.dst = src;
    const ip6 = eth.ipv6();
    if (ip6) {
      const a = ip6.saddr;
      ip6.saddr = ip6.daddr;
      let b: Ipv6Addr = a;
      b.bytes[15] = b.bytes[15] + 1;
      ip6.daddr = b;
    }
    const arp = eth.arp();
    if (arp) {
      arp.targetMac = arp.senderMac;
      arp.operation = 2;
    }
    return XdpAction.Tx;
  }

  /** Fields exchanged through a temporary: addresses swap in place with no checksum work, a TOS/TTL exchange through the setters. */
  @xdp
  static swap(ctx: XdpContext): XdpAction {
    const eth = ctx.eth();
    if (!eth) return XdpAction.Pass;
    const ip = eth.ipv4();
    if (ip) {
      const s = ip.saddr;
      ip.saddr = ip.daddr;
      ip.daddr = s;
      const tos = ip.tos;
      ip.tos = ip.ttl;
      ip.ttl = tos;
      return XdpAction.Tx;
    }
    const ip6 = eth.ipv6();
    if (!ip6) return XdpAction.Pass;
    const s6 = ip6.saddr;
    ip6.saddr = ip6.daddr;
    ip6.daddr = s6;
    return XdpAction.Tx;
  }
}
