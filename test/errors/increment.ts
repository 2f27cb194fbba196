// ++ and -- are statements, not values.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    let n: u32 = 0;
    const m = n++; //! TSBPF1020
    return XdpAction.Pass;
  }
}
