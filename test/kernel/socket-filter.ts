// A socket filter with the packet API over its copy of the frame: accepts HTTP (TCP port 80) and DNS answers, drops the rest.
const seen = new ArrayMap<u64>(8);

export class Filters {
  @socketFilter
  static web(ctx: SkBuffContext): SocketAction {
    seen.set(0, u64(ctx.len));
    seen.set(1, u64(ctx.protocol));
    const eth = ctx.eth();
    const ip = eth?.ipv4();
    if (!eth || !ip) return SocketAction.Drop;
    seen.set(2, u64(ip.saddr));
    seen.set(3, u64(eth.src.bytes[5]));
    const tcp = ip.tcp();
    if (tcp && tcp.dport == 80) {
      seen.set(4, u64(tcp.payload().length));
      return SocketAction.Accept;
    }
    const udp = ip.udp();
    if (udp && udp.sport == 53) return SocketAction.Accept;
    return SocketAction.Drop;
  }

  /** Raw reads on the copy; past the end, onError (Drop). */
  @socketFilter({ onError: SocketAction.Drop })
  static raw(ctx: SkBuffContext): SocketAction {
    const p = ctx.packet();
    seen.set(5, u64(p.length));
    return p.u8(p.length - 1) == 0x42 && p.u16(12) == 0x86dd ? SocketAction.Accept : SocketAction.Drop;
  }
}
