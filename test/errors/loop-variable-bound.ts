// A bound read from the packet is not a constant.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Pass;
    for (const i of range(0, tcp.dport)) {} //! TSBPF1003
    return XdpAction.Pass;
  }
}
