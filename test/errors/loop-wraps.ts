// A u8 counter cannot reach 256.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    let n: u32 = 0;
    for (let i: u8 = 250; i != 0; i += 10) n += 1; //! TSBPF1003
    return XdpAction.Pass;
  }
}
