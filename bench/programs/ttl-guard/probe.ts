// Drops IPv4 packets with TTL <= 1 and IPv6 packets with hop limit <= 1; decrements the others' TTL or hop limit and passes them.
export class TtlGuard {
  @xdp
  static ttlGuard(ctx: XdpContext): XdpAction {
    const eth = ctx.eth();
    if (!eth) return XdpAction.Pass;
    const ip4 = eth.ipv4();
    if (ip4) {
      if (ip4.ttl <= 1) return XdpAction.Drop;
      ip4.ttl -= 1;
      return XdpAction.Pass;
    }
    const ip6 = eth.ipv6();
    if (ip6) {
      if (ip6.hopLimit <= 1) return XdpAction.Drop;
      ip6.hopLimit -= 1;
    }
    return XdpAction.Pass;
  }
}
