// In a script (no import or export), a function named like a runtime function would merge with it.
function u8(x: u16): u16 { //! TSBPF1025
  return x;
}
class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    return XdpAction.Pass;
  }
}
