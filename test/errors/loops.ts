// Loops are outside v0 of the language.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    let n: u32 = 0;
    while (n < 4) n = n + 1; //! TSBPF1003
    return XdpAction.Pass;
  }
}
