// Arrays, indexing and object literals arrive in a later version of the language.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const a = [1, 2]; //! TSBPF1011
    const o = { x: 1 }; //! TSBPF1012
    return XdpAction.Pass;
  }
}
