// Constant expressions: bounded size, constants fit, conditionals of constants need a type for most operators.
const HUGE = 0xffffffffffffffffffffffffffffffff * 0xffff; //! TSBPF1029
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Pass;
    const half = (tcp.syn ? 4 : 8) / 2; //! TSBPF1030
    u8(3); //! TSBPF1031
    let tooSmall = -9223372036854775809; //! TSBPF1101
    const nested: u8 = tcp.syn ? (tcp.ack ? 1 : 300) : 3; //! TSBPF1101
    const negativeShift = 1 << -1; //! TSBPF1104
    const signedDivision = -7 / 2; //! TSBPF1103
    return XdpAction.Pass;
  }
}
