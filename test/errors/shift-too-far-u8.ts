// A constant shift count must be below the width.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const b: u8 = 1;
    const r = b << 8; //! TSBPF1104
    return XdpAction.Pass;
  }
}
