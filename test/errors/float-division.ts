// Division yielding a fraction is still integer-only: no float literals.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const r = 10 / 2.5; //! TSBPF1001
    return XdpAction.Pass;
  }
}
