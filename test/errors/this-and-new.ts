// Programs have no instance, and nothing can be allocated.
class Box {}
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const t = this; //! TSBPF1005
    const b = new Box(); //! TSBPF1006
    return XdpAction.Pass;
  }
}
