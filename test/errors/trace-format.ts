// trace() takes a literal format whose placeholders match its integer arguments.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Pass;
    trace("port %d %d", tcp.dport); //! TSBPF1035
    trace("addr %s", tcp.dport); //! TSBPF1035
    trace("a %d %d %d %d", 1, 2, 3, 4); //! TSBPF1035
    return XdpAction.Pass;
  }
}
