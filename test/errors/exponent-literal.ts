// Exponent notation denotes a floating-point number.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const big = 1e3; //! TSBPF1001
    return XdpAction.Pass;
  }
}
