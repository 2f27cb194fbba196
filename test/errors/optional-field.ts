// `?.` cannot read an integer field.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const t = ctx.eth()?.etherType; //! TSBPF1106
    return XdpAction.Pass;
  }
}
