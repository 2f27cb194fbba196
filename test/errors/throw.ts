// Programs return verdicts; they do not throw.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    throw 1; //! TSBPF1009
    return XdpAction.Pass;
  }
}
