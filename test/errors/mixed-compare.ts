// Comparing signed and unsigned needs a conversion.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const a: i32 = -1;
    const b: u32 = 1;
    if (a < b) return XdpAction.Drop; //! TSBPF1102
    return XdpAction.Pass;
  }
}
