// Type assertions and non-null assertions do not check anything at run time.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const eth = ctx.eth();
    const t = eth!.etherType; //! TSBPF1008
    const small = (t as u8); //! TSBPF1007
    return XdpAction.Pass;
  }
}
