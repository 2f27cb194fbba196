// A tc classifier with the packet API: drops SSH, rewrites TTL (checksum kept), marks the socket buffer through ctx.raw.
const seen = new ArrayMap<u64>(4);

export class Classifier {
  @tc
  static shape(ctx: TcContext): TcAction {
    seen.set(0, u64(ctx.raw.len));
    seen.set(1, u64(ctx.raw.protocol));
    seen.set(2, u64(ctx.protocol));
    seen.set(3, u64(ctx.len));
    const ip = ctx.eth()?.ipv4();
    const tcp = ip?.tcp();
    if (!ip || !tcp) return TcAction.Ok;
    if (tcp.dport == 22) return TcAction.Shot;
    ip.ttl -= 1;
    ctx.mark = 0x2a;
    ctx.raw.priority = 6;
    ctx.raw.cb[1] = u32(tcp.dport);
    return TcAction.Pipe;
  }

  @tc({ onError: TcAction.Shot })
  static raw(ctx: TcContext): TcAction {
    const p = ctx.packet();
    return p.u16(12) == 0x0800 && p.u8(p.length - 1) == 0x7e ? TcAction.Ok : TcAction.Reclassify;
  }
}
