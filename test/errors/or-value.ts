// `a || b` on integers gives an operand in TypeScript.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Pass;
    const p = tcp.dport || 80; //! TSBPF1026
    return XdpAction.Pass;
  }
}
