// Case labels must be constants.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Pass;
    switch (tcp.dport) { case tcp.sport: break; } //! TSBPF1022
    return XdpAction.Pass;
  }
}
