// Enum members are integers: string members have no BPF representation.
enum Name {
  Ssh = "ssh", //! TSBPF1033
}
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    return XdpAction.Pass;
  }
}
