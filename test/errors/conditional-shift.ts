// Shifting a conditional of constants needs a type.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Pass;
    const r = (tcp.syn ? 1 : 2) << 3; //! TSBPF1030
    return XdpAction.Pass;
  }
}
