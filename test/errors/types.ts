// Only tsbpf's integer types, bool and headers are values; number and any are not.
function f(x: number): u32 { //! TSBPF1105
  return 1;
}
function v(x: void): u8 { //! TSBPF1105
  return 1;
}
function g(x: u32) { //! TSBPF1108
  return x;
}
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    return XdpAction.Pass;
  }
}
