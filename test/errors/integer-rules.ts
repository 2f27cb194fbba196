// Constants must fit, signedness must not mix, signed division and over-wide shifts are rejected.
const TOO_BIG: u8 = 256; //! TSBPF1101
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Pass;
    const port: u16 = tcp.dport;
    const delta: i32 = -1;
    const mixed = port + delta; //! TSBPF1102
    const q = delta / 2; //! TSBPF1103
    const s = port << 16; //! TSBPF1104
    const c = u8(1000); //! TSBPF1101
    const cmp = port == 70000; //! TSBPF1101
    const low: u8 = port + 1; //! TSBPF1100
    return XdpAction.Pass;
  }
}
