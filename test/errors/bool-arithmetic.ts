// A verdict is not a number.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const v = XdpAction.Pass * 2; //! TSBPF1110
    return XdpAction.Pass;
  }
}
