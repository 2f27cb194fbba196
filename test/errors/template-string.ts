// Template strings are strings.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const s = `port`; //! TSBPF1002
    return XdpAction.Pass;
  }
}
