// Resizing the packet: decapsulating IP-in-IP with adjustHead, trimming with adjustTail, metadata room with adjustMeta.
export class Adjust {
  /** Removes the outer IPv4 header of an IPv4-in-IPv4 packet, keeping the Ethernet addresses. */
  @xdp({ onError: XdpAction.Aborted })
  static decap(ctx: XdpContext): XdpAction {
    const eth = ctx.eth();
    const outer = eth?.ipv4();
    const inner = outer?.ipip();
    if (!eth || !outer || !inner || eth.vlanCount != 0) return XdpAction.Pass;
    const dst = eth.dst;
    const src = eth.src;
    if (!ctx.adjustHead(i32(outer.headerLength))) return XdpAction.Aborted;
    const frame = ctx.eth();
    if (!frame) return XdpAction.Aborted;
    frame.dst = dst;
    frame.src = src;
    ctx.packet().setU16(12, 0x0800);
    return XdpAction.Tx;
  }

  /** Pushes a VLAN tag in front of the EtherType: 4 more bytes at the front, addresses moved. */
  @xdp({ onError: XdpAction.Aborted })
  static pushTag(ctx: XdpContext): XdpAction {
    const eth = ctx.eth();
    if (!eth || eth.vlanCount != 0) return XdpAction.Pass;
    const dst = eth.dst;
    const src = eth.src;
    if (!ctx.adjustHead(-4)) return XdpAction.Aborted;
    const p = ctx.packet();
    p.setU16(12, 0x8100);
    p.setU16(14, 42);
    const tagged = ctx.eth();
    if (!tagged) return XdpAction.Aborted;
    tagged.dst = dst;
    tagged.src = src;
    return XdpAction.Tx;
  }

  @xdp
  static trim(ctx: XdpContext): XdpAction {
    return ctx.adjustTail(-4) ? XdpAction.Tx : XdpAction.Aborted;
  }

  @xdp
  static meta(ctx: XdpContext): XdpAction {
    return ctx.adjustMeta(-8) ? XdpAction.Tx : XdpAction.Aborted;
  }
}
