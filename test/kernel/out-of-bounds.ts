// A probe whose TCP accessor the out-of-bounds test strips of its checks, to show the verifier's complaint at the TypeScript line.
export class OutOfBounds {
  @xdp
  static readPort(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Pass;
    if (tcp.dport == 22) return XdpAction.Drop;
    return XdpAction.Pass;
  }
}
