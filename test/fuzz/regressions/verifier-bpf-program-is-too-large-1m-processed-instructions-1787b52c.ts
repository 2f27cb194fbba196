// tsbpf fuzz regression: verifier: BPF program is too large (1M processed instructions)
// Found by seed 20261165, program 2983 (medium), shrunk; make fuzz SEED=20261165 ONLY=2983 finds the original.
// An IPv6 header parsed from a cursor was walked in full where the cost model counted a plain parse.
export class Probe1 {
  @xdp
  static prog1(ctx: XdpContext): XdpAction {
    for (const ix4 of range(3, 259)) {
      for (const ix5 of range(1)) {
        const b1: bool = 0 < (ctx.raw.ingress_ifindex - 0);
      }
      const ipv61 = ctx.packet().icmpv6()?.payload()?.ipv6();
    }
    return false ? XdpAction.Drop : XdpAction.Aborted;
  }
}
