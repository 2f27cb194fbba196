// tsbpf fuzz regression: verifier: invalid bpf_context access
// expect: rejected TS2551 (XdpMd no longer shows egress_ifindex, which only devmap programs may read)
// Found by seed 3333, program 215 (small), shrunk; make fuzz SEED=3333 ONLY=215 finds the original.
// invalid bpf_context access off=20 size=4
export class Probe1 {
  @xdp
  static prog1(ctx: XdpContext): XdpAction {
    return redirect(ctx.rxQueueIndex, u64(ctx.raw.egress_ifindex));
  }
}
