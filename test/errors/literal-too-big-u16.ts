// A port constant above 65535 does not fit a u16.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const p: u16 = 65536; //! TSBPF1101
    return XdpAction.Pass;
  }
}
