// A switch may not label two cases with one value: C rejects it, even where TypeScript only finds the second unreachable.
const SSH = 22;
const enum Kind { A = 1, B = 2, C = 1 }

export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Pass;
    switch (tcp.dport) {
      case 22:
        return XdpAction.Drop;
      case 80:
      case SSH: //! TSBPF1053
        break;
      case 0x16: //! TSBPF1053
        break;
    }
    const k: Kind = tcp.sport == 1 ? Kind.A : Kind.B;
    switch (k) {
      case Kind.A:
        return XdpAction.Drop;
      case Kind.C: //! TSBPF1053
        return XdpAction.Tx;
    }
    const v: XdpAction = tcp.sport == 2 ? XdpAction.Drop : XdpAction.Pass;
    switch (v) {
      case XdpAction.Drop:
      case XdpAction.Pass:
        break;
      case XdpAction.Drop: //! TSBPF1053
        break;
    }
    return XdpAction.Pass;
  }
}
