// Strings have no place in a BPF value.
function name(): bool {
  return "eth" == "eth"; //! TSBPF1002 (left) //! TSBPF1002 (right)
}
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    return name() ? XdpAction.Pass : XdpAction.Drop;
  }
}
