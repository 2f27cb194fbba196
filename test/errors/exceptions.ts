// There are no exceptions in a BPF program.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    try { //! TSBPF1009
      return XdpAction.Pass;
    } finally {
    }
  }
}
