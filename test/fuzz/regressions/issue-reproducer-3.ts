// Issue 11, reproducer 3: an address copied, then written back through a cursor; the verifier refused it with
// "R1 offset is outside of the packet".
export class Reproducer {
  @xdp
  static addressCopy(ctx: XdpContext): XdpAction {
    const eth = ctx.eth();
    if (!eth) return XdpAction.Pass;
    const ip6 = eth.ipv6();
    if (!ip6) return XdpAction.Pass;
    const d6 = ip6.daddr;
    const l3 = eth.payload();
    for (const i of range(16)) l3.setU8(8 + i, d6.bytes[i]);
    return XdpAction.Tx;
  }
}
