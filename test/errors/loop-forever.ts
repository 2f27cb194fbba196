// A loop without a condition never provably ends.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    let n: u32 = 0;
    for (let i = 0; ; i++) { n += 1; } //! TSBPF1003
    return XdpAction.Pass;
  }
}
