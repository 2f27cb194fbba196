// Labels are not supported.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    here: { } //! TSBPF1000
    return XdpAction.Pass;
  }
}
