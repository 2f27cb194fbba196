// Cursors: payloads parsed as new packets, raw big-endian reads, byte copies, and the onError exit when a read falls outside.
const got = new ArrayMap<u64>(16);

export class Cursors {
  /** The UDP payload holds a raw read table: offset of the value to read first, then values. */
  @xdp({ onError: XdpAction.Aborted })
  static reads(ctx: XdpContext): XdpAction {
    const udp = ctx.eth()?.ipv4()?.udp();
    if (!udp) return XdpAction.Pass;
    const c = udp.payload();
    got.set(0, u64(c.length));
    got.set(1, u64(c.u8(0)));
    got.set(2, u64(c.u16(1)));
    got.set(3, u64(c.u32(3)));
    got.set(4, c.u64(7));
    // an offset taken from the packet: outside the packet, the program ends with Aborted
    got.set(5, u64(c.u16(u32(c.u8(0)))));
    const b = c.bytes(1, 4);
    got.set(6, u64(b[0]) << 24 | u64(b[1]) << 16 | u64(b[2]) << 8 | u64(b[3]));
    return XdpAction.Drop;
  }

  /** Any payload is a packet: IPv4 carried in a UDP payload, then its TCP header. */
  @xdp
  static reparse(ctx: XdpContext): XdpAction {
    const inner = ctx.eth()?.ipv4()?.udp()?.payload().ipv4();
    const tcp = inner?.tcp();
    if (!inner || !tcp) return XdpAction.Pass;
    got.set(8, u64(inner.daddr));
    got.set(9, u64(tcp.dport));
    got.set(10, u64(tcp.payload().length));
    return XdpAction.Drop;
  }

  /** The TCP MSS option, and the IPv4 options' length; reading past the options ends the program (Aborted). */
  @xdp({ onError: XdpAction.Aborted })
  static options(ctx: XdpContext): XdpAction {
    const ip = ctx.eth()?.ipv4();
    const tcp = ip?.tcp();
    if (!ip || !tcp) return XdpAction.Pass;
    got.set(11, u64(ip.options().length));
    const o = tcp.options();
    got.set(12, u64(o.length));
    if (o.length >= 4 && o.u8(0) == 2) got.set(13, u64(o.u16(2)));
    if (o.length < 8) got.set(14, u64(o.u8(o.length)));
    return XdpAction.Drop;
  }
  /** Raw accesses at constant offsets of one cursor, checked together: when one falls outside, none of them is made. */
  @xdp({ onError: XdpAction.Aborted })
  static run(ctx: XdpContext): XdpAction {
    const p = ctx.packet();
    const first = p.u8(0);
    p.setU8(0, 0xee);
    p.setU32(1, 0x01020304);
    p.setU8(99, first);
    return XdpAction.Tx;
  }

  /** An access made on one path only keeps its own check, at its place: the write before it is made either way. */
  @xdp({ onError: XdpAction.Aborted })
  static conditional(ctx: XdpContext): XdpAction {
    const p = ctx.packet();
    p.setU8(0, 0xee);
    const far = p.u8(1) == 1 ? p.u8(99) : 0;
    return far == 0 ? XdpAction.Pass : XdpAction.Drop;
  }
}
