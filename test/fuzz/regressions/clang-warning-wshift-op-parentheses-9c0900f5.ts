// tsbpf fuzz regression: clang warning: -Wshift-op-parentheses
// Found by seed 3333, program 1117 (small), shrunk; make fuzz SEED=3333 ONLY=1117 finds the original.
// warning: operator '<<' has lower precedence than '+'; '+' will be evaluated first [-Wshift-op-parentheses]
export class Probe1 {
  @socketFilter
  static prog1(ctx: SkBuffContext): SocketAction {
    const n1: u64 = (ctx.protocol + u64(0)) << 0;
    return SocketAction.Accept;
  }
}
