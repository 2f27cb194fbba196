// ++ and -- are statements, not values: not even inside a condition.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    let n: u32 = 0;
    if (n++ < 3) return XdpAction.Drop; //! TSBPF1020
    return XdpAction.Pass;
  }
}
