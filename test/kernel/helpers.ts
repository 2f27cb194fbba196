// The helper functions in the kernel: clocks, randomness, CPU number, redirect, and checksum arithmetic checked against a full recomputation.
const out = new ArrayMap<u64>(16);

export class Helpers {
  @xdp
  static clocks(ctx: XdpContext): XdpAction {
    out.set(0, ktimeNs());
    out.set(1, bootNs());
    out.set(2, u64(randomU32()));
    out.set(3, u64(randomU32()));
    out.set(4, u64(cpuId()));
    out.set(8, u64(ctx.ingressIfindex));
    return XdpAction.Pass;
  }

  /** The IPv4 checksum after ttl - 1 (one 16-bit word changes) and after a new source address (a 32-bit word). */
  @xdp
  static checksums(ctx: XdpContext): XdpAction {
    const ip = ctx.eth()?.ipv4();
    const tcp = ip?.tcp();
    if (!ip || !tcp) return XdpAction.Aborted;
    const before = (u16(ip.ttl) << 8) | u16(ip.protocol);
    const after = (u16(ip.ttl - 1) << 8) | u16(ip.protocol);
    out.set(5, u64(csumReplace16(ip.checksum, before, after)));
    out.set(6, u64(csumReplace32(ip.checksum, ip.saddr, 0xc0000201)));
    out.set(7, u64(csumFold(tcp.seq)));
    return XdpAction.Pass;
  }

  @xdp
  static toLoopback(ctx: XdpContext): XdpAction {
    return redirect(1);
  }

  @xdp
  static badFlags(ctx: XdpContext): XdpAction {
    return redirect(1, 8);
  }
}
