// Floating-point literals are rejected.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const half = 0.5; //! TSBPF1001
    return XdpAction.Pass;
  }
}
