// A struct literal gives each field once, with names (shorthand and spread are not fields).
interface Pair {
  a: u16;
  b: u16;
}
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const a: u16 = 1;
    const p: Pair = { a, b: 2 }; //! TSBPF1037
    return XdpAction.Pass;
  }
}
