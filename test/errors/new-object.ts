// `new` allocates; BPF programs cannot.
class Box {}
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const d = new Box(); //! TSBPF1006
    return XdpAction.Pass;
  }
}
