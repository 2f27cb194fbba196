// tsbpf fuzz regression: build diagnostic after check: TSBPF3004
// expect: rejected TSBPF1058 (a 728-byte array in a loop nested in a loop: the outer loop's body lost the inner one's need)
// Found by seed 20261130, program 5399 (medium), shrunk; make fuzz SEED=20261130 ONLY=5399 finds the original.
export class Probe2 {
  @socketFilter
  static prog2(ctx: SkBuffContext): SocketAction {
    let j1: u32 = 0;
    while (j1 < 1) {
      for (const ix1 of range(4, 5)) {
        let arr1: FixedArray<u64, 91> = [];
        arr1[u32(0)] = 0;
      }
      j1++;
    }
    return SocketAction.Drop;
  }
}
