// tsbpf fuzz regression: clang warning: -Wunused-comparison
// Found by seed 3333, program 760 (small), shrunk; make fuzz SEED=3333 ONLY=760 finds the original.
// warning: equality comparison result unused [-Wunused-comparison]
export class Probe1 {
  @xdp
  static prog1(ctx: XdpContext): XdpAction {
    ctx.adjustTail(0);
    return false ? XdpAction.Aborted : XdpAction.Tx;
  }
}
