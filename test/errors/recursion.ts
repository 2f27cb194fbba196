// Recursion, direct or mutual, cannot run in BPF.
function even(n: u32): bool { //! TSBPF1109
  return n == 0 ? true : odd(n - 1);
}
function odd(n: u32): bool {
  return n == 0 ? false : even(n - 1);
}
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    return even(4) ? XdpAction.Pass : XdpAction.Drop;
  }
}
