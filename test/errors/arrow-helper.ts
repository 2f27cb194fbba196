// An arrow function is a closure.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const twice = (x: u32): u32 => x * 2; //! TSBPF1004
    return XdpAction.Pass;
  }
}
