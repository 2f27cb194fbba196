// tsbpf fuzz regression: verifier: value N makes fp pointer be out of bounds
// Found by seed 3333, program 1412 (medium), shrunk; make fuzz SEED=3333 ONLY=1412 finds the original.
// value -9223372036854775804 makes fp pointer be out of bounds
export class Probe2 {
  @socketFilter
  static prog3(ctx: SkBuffContext): SocketAction {
    const raw1: u64 = ctx.packet().u64(0);
    let arr1: FixedArray<u32, 6> = [];
    arr1[(11 | raw1) % 6] -= ctx.mark;
    return SocketAction.Accept;
  }
}
