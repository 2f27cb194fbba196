// A program check cannot promise fits the verifier's budget (about 160,000 steps by estimate, and the verifier can need up to 8 times the estimate), which the kernel accepts.
export class Margin {
  @xdp
  static close(ctx: XdpContext): XdpAction {
    for (const i of range(128)) {
      const udp = ctx.eth()?.ipv6()?.udp();
      if (udp && udp.dport == i) return XdpAction.Drop;
    }
    return XdpAction.Pass;
  }
}
