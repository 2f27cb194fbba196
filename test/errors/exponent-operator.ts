// `**` has no BPF instruction.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const x: u32 = 2;
    const r = x ** 3; //! TSBPF1107
    return XdpAction.Pass;
  }
}
