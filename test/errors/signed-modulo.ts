// Signed modulo is rejected like signed division.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const a: i64 = -5;
    const r = a % 3; //! TSBPF1103
    return XdpAction.Pass;
  }
}
