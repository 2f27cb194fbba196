// tsc's own errors come first, with TypeScript's codes: here, implicit narrowing seen by the editor too.
function f(a: u32): u16 {
  return a; //! TS2322
}
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    return XdpAction.Pass;
  }
}
