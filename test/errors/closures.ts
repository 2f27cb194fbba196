// Function values and closures are rejected.
function twice(x: u32): u32 {
  return x * 2;
}
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const f = (x: u32): u32 => x; //! TSBPF1004
    const g = twice; //! TSBPF1004
    return XdpAction.Pass;
  }
}
