// A conversion alone does nothing.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    u16(7); //! TSBPF1031
    return XdpAction.Pass;
  }
}
