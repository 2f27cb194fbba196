// One program per protocol path of the packet library: Drop when the innermost header is found, with its fields stored in `seen`.
const seen = new ArrayMap<u64>(16);

function put(i: u32, v: u64): void {
  seen.set(i, v);
}

export class Protocols {
  @xdp
  static vlans(ctx: XdpContext): XdpAction {
    const eth = ctx.eth();
    if (!eth) return XdpAction.Pass;
    put(0, u64(eth.vlanCount));
    put(1, u64(eth.etherType));
    const outer = eth.vlan(0);
    const inner = eth.vlan(1);
    if (!outer) return XdpAction.Pass;
    put(2, u64(outer.tpid));
    put(3, u64(outer.vid));
    put(4, u64(outer.pcp));
    put(5, u64(outer.dei));
    if (!inner) return XdpAction.Tx;
    put(6, u64(inner.tpid));
    put(7, u64(inner.vid));
    return XdpAction.Drop;
  }

  @xdp
  static arp(ctx: XdpContext): XdpAction {
    const arp = ctx.eth()?.arp();
    if (!arp) return XdpAction.Pass;
    put(0, u64(arp.operation));
    put(1, u64(arp.senderIp));
    put(2, u64(arp.targetIp));
    return XdpAction.Drop;
  }

  @xdp
  static icmp(ctx: XdpContext): XdpAction {
    const eth = ctx.eth();
    const v4 = eth?.ipv4()?.icmp();
    const v6 = eth?.ipv6()?.icmpv6();
    if (v4) {
      put(0, 4);
      put(1, u64(v4.type));
      put(2, u64(v4.code));
      put(3, u64(v4.id));
      put(4, u64(v4.sequence));
      return XdpAction.Drop;
    }
    if (v6) {
      put(0, 6);
      put(1, u64(v6.type));
      put(2, u64(v6.code));
      put(3, u64(v6.id));
      put(4, u64(v6.sequence));
      return XdpAction.Drop;
    }
    return XdpAction.Pass;
  }

  /** The upper layer of IPv6 behind extension headers. */
  @xdp
  static ipv6Chain(ctx: XdpContext): XdpAction {
    const ip = ctx.eth()?.ipv6();
    if (!ip) return XdpAction.Pass;
    put(0, u64(ip.nextHeader));
    put(1, u64(ip.l4Protocol));
    put(2, u64(ip.extensionLength));
    const udp = ip.udp();
    if (!udp) return XdpAction.Tx;
    put(3, u64(udp.dport));
    return XdpAction.Drop;
  }

  @xdp
  static vxlan(ctx: XdpContext): XdpAction {
    const tunnel = ctx.eth()?.ipv4()?.udp()?.vxlan();
    const inner = tunnel?.eth()?.ipv4()?.udp();
    if (!tunnel || !inner) return XdpAction.Pass;
    put(0, u64(tunnel.vni));
    put(1, u64(inner.dport));
    return XdpAction.Drop;
  }

  @xdp
  static geneve(ctx: XdpContext): XdpAction {
    const tunnel = ctx.eth()?.ipv6()?.udp()?.geneve();
    if (!tunnel) return XdpAction.Pass;
    put(0, u64(tunnel.vni));
    put(1, u64(tunnel.optionsLength));
    put(2, u64(tunnel.protocolType));
    const viaEth = tunnel.eth()?.ipv4();
    const direct = tunnel.ipv4();
    const inner = viaEth ? viaEth : direct;
    if (!inner) return XdpAction.Tx;
    put(3, u64(inner.daddr));
    return XdpAction.Drop;
  }

  @xdp
  static gre(ctx: XdpContext): XdpAction {
    const gre = ctx.eth()?.ipv4()?.gre();
    if (!gre) return XdpAction.Pass;
    put(0, u64(gre.hasChecksum));
    put(1, u64(gre.hasKey));
    put(2, u64(gre.key));
    put(3, u64(gre.sequence));
    put(4, u64(gre.protocolType));
    const inner = gre.ipv6()?.tcp();
    if (!inner) return XdpAction.Tx;
    put(5, u64(inner.dport));
    return XdpAction.Drop;
  }

  /** IPv4 in IPv4, IPv6 in IPv4, IPv4 in IPv6, IPv6 in IPv6. */
  @xdp
  static ipInIp(ctx: XdpContext): XdpAction {
    const eth = ctx.eth();
    const outer4 = eth?.ipv4();
    const outer6 = eth?.ipv6();
    const a = outer4?.ipip();
    const b = outer4?.ipv6in4();
    const c = outer6?.ipip();
    const d = outer6?.ipv6in6();
    if (a) put(0, u64(a.daddr));
    if (b) put(1, u64(b.hopLimit));
    if (c) put(2, u64(c.daddr));
    if (d) put(3, u64(d.hopLimit));
    return a || b || c || d ? XdpAction.Drop : XdpAction.Pass;
  }

  /** Depth 3: Ethernet, IPv4, GRE, Ethernet, IPv4, UDP, VXLAN, Ethernet, IPv6, TCP. */
  @xdp
  static deep(ctx: XdpContext): XdpAction {
    const first = ctx.eth()?.ipv4()?.gre()?.eth()?.ipv4();
    const second = first?.udp()?.vxlan()?.eth()?.ipv6();
    const tcp = second?.tcp();
    if (!first || !second || !tcp) return XdpAction.Pass;
    put(0, u64(first.saddr));
    put(1, u64(second.hopLimit));
    put(2, u64(tcp.dport));
    return XdpAction.Drop;
  }

  /** Three IPv6 headers, each with its extension-header walk: what the verifier must still accept. */
  @xdp
  static deep6(ctx: XdpContext): XdpAction {
    const first = ctx.eth()?.ipv6()?.gre()?.eth()?.ipv6();
    const second = first?.udp()?.vxlan()?.eth()?.ipv6();
    const tcp = second?.tcp();
    if (!first || !second || !tcp) return XdpAction.Pass;
    put(0, u64(first.hopLimit));
    put(1, u64(second.hopLimit));
    put(2, u64(tcp.dport));
    return XdpAction.Drop;
  }
}
