// Integers are never null.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Pass;
    if (tcp.sport != null) return XdpAction.Drop; //! TSBPF1028
    return XdpAction.Pass;
  }
}
