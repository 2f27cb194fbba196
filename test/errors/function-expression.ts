// A function expression is a function value.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const f = function (x: u32): u32 { return x; }; //! TSBPF1004
    return XdpAction.Pass;
  }
}
