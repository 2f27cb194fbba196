// Module-level constants must fold at compile time.
function one(): u32 {
  return 1;
}
const A: u32 = one(); //! TSBPF1118
const B = 2 + 3;
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    return B == 5 ? XdpAction.Pass : XdpAction.Drop;
  }
}
