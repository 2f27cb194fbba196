// ++ and -- arrive with the full language.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    let n: u32 = 0;
    n++; //! TSBPF1020
    return XdpAction.Pass;
  }
}
