// Issue 11, reproducer 2: a `let` cursor chosen in a branch, then headers parsed from it; the verifier refused it with
// "invalid access to packet, off=26 size=2 ... R1 offset is outside of the packet".
export class Reproducer {
  @xdp
  static cursorInBranch(ctx: XdpContext): XdpAction {
    const eth = ctx.eth();
    if (!eth) return XdpAction.Pass;
    const ip4 = eth.ipv4();
    let ipType: u8 = 0;
    let l4 = ctx.packet();
    if (ip4) {
      ipType = ip4.protocol;
      l4 = ip4.payload();
    } else {
      return XdpAction.Pass;
    }
    if (ipType == 17) {
      const udp = l4.udp();
      if (!udp || udp.length < 8) return XdpAction.Aborted;
      udp.dport = udp.dport - 1;
    } else if (ipType == 6) {
      const tcp = l4.tcp();
      if (!tcp) return XdpAction.Aborted;
      tcp.dport = tcp.dport - 1;
    }
    return XdpAction.Pass;
  }
}
