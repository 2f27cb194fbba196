// Dynamic arrays do not exist in BPF.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const ports = [22, 80]; //! TSBPF1011
    return XdpAction.Pass;
  }
}
