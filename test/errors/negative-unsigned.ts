// Unsigned types hold no negative constants.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const p: u32 = -1; //! TSBPF1101
    return XdpAction.Pass;
  }
}
