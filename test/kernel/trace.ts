// trace(): the kernel test reads these lines back from the trace buffer.
export class Trace {
  @xdp
  static traced(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Pass;
    const delta: i32 = -5;
    trace("tsbpf-trace-test dport=%u sport=%x delta=%d 100%%", tcp.dport, tcp.sport, delta);
    return XdpAction.Drop;
  }
}
