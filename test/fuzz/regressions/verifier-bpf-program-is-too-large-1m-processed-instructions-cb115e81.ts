// tsbpf fuzz regression: verifier: BPF program is too large (1M processed instructions)
// Found by seed 20261304, program 890 (small), shrunk; make fuzz SEED=20261304 ONLY=890 finds the original.
// an equality kept as a bool in a 256-trip loop with map updates: its two paths met before it was hidden
const map1 = new PerCpuHashMap<i64, u8>(64);
export class Probe1 {
  @socketFilter
  static prog1(ctx: SkBuffContext): SocketAction {
    for (const ix1 of range(0, 256)) {
      let b1: bool = (ix1 | ctx.mark) == (ctx.ifindex & u32(14));
      map1.set(0, 0);
      const n2 = ctx.mark ^ 0;
      map1.set(0, u8(48));
    }
    return false ? SocketAction.Drop : SocketAction.Accept;
  }
}
