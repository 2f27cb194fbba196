// Object literals arrive with structs.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const o = { a: 1 }; //! TSBPF1012
    return XdpAction.Pass;
  }
}
