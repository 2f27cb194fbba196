// Raw cursor reads end the program when out of bounds: only in program bodies, with constant small copies.
function first(c: Cursor): u8 {
  return c.u8(0); //! TSBPF1050
}

export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const udp = ctx.eth()?.ipv4()?.udp();
    if (!udp) return XdpAction.Pass;
    const c = udp.payload();
    const n: u32 = c.u8(0);
    const big = c.bytes(0, 100); //! TSBPF1050
    const varying = c.bytes(0, n); //! TSBPF1050
    const sum = u32(c.bytes(0, 2)[0]); //! TSBPF1050
    return XdpAction.Pass;
  }
}
