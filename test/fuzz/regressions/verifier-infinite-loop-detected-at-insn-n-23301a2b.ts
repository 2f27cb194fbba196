// tsbpf fuzz regression: verifier: infinite loop detected at insn N
// Found by seed 3333, program 1498 (small), shrunk; make fuzz SEED=3333 ONLY=1498 finds the original.
// infinite loop detected at insn 82
export class Probe1 {
  @socketFilter
  static prog1(ctx: SkBuffContext): SocketAction {
    for (const ix1 of range(3, 5)) {
      const raw1: u64 = ctx.packet().u64(0);
      const raw2: u32 = ctx.packet().u32(0);
      const c1 = ctx.eth()?.ipv6()?.payload();
    }
    return SocketAction.Accept;
  }
}
