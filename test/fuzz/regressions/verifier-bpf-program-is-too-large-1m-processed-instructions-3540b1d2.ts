// tsbpf fuzz regression: verifier: BPF program is too large (1M processed instructions)
// Found by seed 20261147, program 3540 (medium), shrunk; make fuzz SEED=20261147 ONLY=3540 finds the original.
// u64(j2) >= n1 narrowed n1 differently on each of 256 trips (the counter is exact): 1M steps; compared through an unlinked copy, 11k
type S1 = { f1: u32; f2: i8; f3: bool; f4: bool };
export class Probe2 {
  @tc
  static prog2(ctx: TcContext): TcAction {
    let n1: u64 = bootNs();
    const s1: S1 = { f1: 0, f2: 0, f3: u32(ctx.len) != 0, f4: u64(ctx.hash) > 0 };
    let j1: u32 = 0;
    while (j1 < 1) {
      const ipv61 = ctx.packet().geneve()?.ipv6();
      break;
      j1 += 1;
    }
    let j2: u32 = 0;
    while (j2 < 256) {
      let s2: S1 = { f1: ctx.len, f2: 0, f3: i16(s1.f2) == 0, f4: u64(j2) >= n1 };
      j2++;
    }
    return false ? TcAction.Shot : TcAction.Ok;
  }
}
