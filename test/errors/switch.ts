// Case labels are constants, and each case is its own scope in the C a switch becomes.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Pass;
    switch (tcp.dport) {
      case tcp.sport: //! TSBPF1022
        return XdpAction.Drop;
      case 22:
        let seen: u16 = 1;
        break;
      case 23:
        seen = 2; //! TSBPF1023
        break;
    }
    return XdpAction.Pass;
  }
}
