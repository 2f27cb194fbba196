// `number` is not an integer type.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const n: number = 1; //! TSBPF1105
    return XdpAction.Pass;
  }
}
