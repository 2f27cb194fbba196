// `<u8>x` asserts a type without converting.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const t = <u8>ctx.eth()?.etherType; //! TSBPF1007
    return XdpAction.Pass;
  }
}
