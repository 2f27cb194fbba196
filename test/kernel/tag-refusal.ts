// Programs that refuse tagged frames before anything depends on their tags: their Ethernet headers are parsed without walking the tags.
export class TagRefusal {
  /** Transmits untagged IPv4 with a TTL of 2 or more; drops everything else. */
  @xdp
  static refuse(ctx: XdpContext): XdpAction {
    const eth = ctx.eth();
    const ip = eth?.ipv4();
    if (!eth || !ip || eth.vlanCount != 0 || ip.ttl < 2) return XdpAction.Drop;
    return XdpAction.Tx;
  }

  /** Untagged frames: IPv6 transmitted, the rest dropped; tagged (or cut) frames passed. */
  @xdp
  static untaggedOnly(ctx: XdpContext): XdpAction {
    const eth = ctx.eth();
    if (eth && eth.vlanCount == 0) {
      if (eth.ipv6()) return XdpAction.Tx;
      return XdpAction.Drop;
    }
    return XdpAction.Pass;
  }

  /** Tagged frames passed; untagged ARP transmitted with the source MAC copied over the destination, the rest dropped. */
  @xdp
  static arpOnly(ctx: XdpContext): XdpAction {
    const eth = ctx.eth();
    if (!eth || eth.vlanCount > 0) return XdpAction.Pass;
    if (eth.etherType != 0x0806) return XdpAction.Drop;
    eth.dst = eth.src;
    return XdpAction.Tx;
  }

  /** The Ethernet frame inside VXLAN: untagged IPv4 transmitted, other untagged frames dropped, tagged (or cut) ones passed. */
  @xdp
  static inner(ctx: XdpContext): XdpAction {
    const inner = ctx.eth()?.ipv4()?.udp()?.vxlan()?.eth();
    if (!inner || inner.vlanCount != 0) return XdpAction.Pass;
    return inner.ipv4() ? XdpAction.Tx : XdpAction.Drop;
  }
}
