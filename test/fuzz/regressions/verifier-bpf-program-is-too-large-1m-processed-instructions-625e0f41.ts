// tsbpf fuzz regression: verifier: BPF program is too large (1M processed instructions)
// Found by seed 20261150, program 625 (medium), shrunk; make fuzz SEED=20261150 ONLY=625 finds the original.
// a 1,024-trip while loop left by break handed on its exact counter, one state per trip, to the loops after it; with the counter unknown after the loop, 28k steps
export class Probe1 {
  @tc
  static prog1(ctx: TcContext): TcAction {
    const ipv41 = ctx.packet().icmp()?.payload()?.gre()?.ipv4();
    if (!ipv41) {
      return TcAction.Pipe;
    }
    let j1: u32 = 0;
    while (j1 < 1024) {
      if (ipv41.moreFragments) {
        break;
      }
      j1 += 1;
    }
    for (const ix1 of range(1, 3)) {
      for (const ix2 of range(3, 8)) {
        log.error("ttl x=%d proto=%u seen=%d", 0, 0, 0);
        ipv41.moreFragments = ix2 < j1;
      }
    }
    return false ? TcAction.Stolen : TcAction.Reclassify;
  }
}
