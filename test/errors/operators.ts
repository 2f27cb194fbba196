// JavaScript-only operators have no BPF meaning.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Pass;
    const a = tcp.sport >>> 1; //! TSBPF1107
    const b = tcp.sport ** 2; //! TSBPF1107
    const c = +tcp.sport; //! TSBPF1107
    const d = 1 << tcp.dport; //! TSBPF1112
    const e = XdpAction.Drop + 1; //! TSBPF1110
    return XdpAction.Pass;
  }
}
