// `var` is function-scoped and not supported.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    var old: u32 = 1; //! TSBPF1000
    return XdpAction.Pass;
  }
}
