// Only local lets are assignable, and only as statements of their own.
function f(x: u32): u32 {
  let y: u32 = 0;
  const z = (y = x); //! TSBPF1116
  return z;
}
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const eth = ctx.eth();
    if (!eth) return XdpAction.Pass;
    let v: u16 = eth.etherType;
    v += 1;
    eth.etherType; //! TSBPF1000
    return XdpAction.Pass;
  }
}
