// tsbpf fuzz regression: clang warning: -Wunused-value
// Found by seed 3333, program 1162 (small), shrunk; make fuzz SEED=3333 ONLY=1162 finds the original.
// warning: expression result unused [-Wunused-value]
export class Probe1 {
  @xdp
  static prog1(ctx: XdpContext): XdpAction {
    redirect(ctx.ingressIfindex);
    return XdpAction.Aborted;
  }
}
