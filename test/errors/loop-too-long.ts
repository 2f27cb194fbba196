// At most 1024 iterations.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    let n: u32 = 0;
    for (let i = 0; i < 100000; i++) n += 1; //! TSBPF1021
    return XdpAction.Pass;
  }
}
