// tsbpf fuzz regression: clang warning: -Wtautological-overlap-compare
// Found by seed 3333, program 359 (small), shrunk; make fuzz SEED=3333 ONLY=359 finds the original.
// warning: overlapping comparisons always evaluate to false [-Wtautological-overlap-compare]
export class Probe1 {
  @socketFilter
  static prog1(ctx: SkBuffContext): SocketAction {
    const n1: u16 = ctx.protocol;
    const n2: u32 = (false && ((n1 > 0) && (n1 < 0))) ? 0 : u32(0);
    return false ? SocketAction.Accept : SocketAction.Drop;
  }
}
