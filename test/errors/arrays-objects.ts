// Array and object literals need a FixedArray or struct type from their context: tsbpf has no dynamic arrays or objects.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const a = [1, 2]; //! TSBPF1011
    const o = { x: 1 }; //! TSBPF1012
    return XdpAction.Pass;
  }
}
