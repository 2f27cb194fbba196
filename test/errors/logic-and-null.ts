// && and || give an operand in TypeScript, not a bool; headers are present or absent, integers never null.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Pass;
    const either = tcp.sport || tcp.dport; //! TSBPF1026
    if (tcp.sport || tcp.dport) return XdpAction.Drop;
    const udp = ctx.eth()?.ipv6()?.udp();
    if (udp === undefined) return XdpAction.Pass; //! TSBPF1027
    if (tcp.dport == null) return XdpAction.Pass; //! TSBPF1028
    return XdpAction.Pass;
  }
}
