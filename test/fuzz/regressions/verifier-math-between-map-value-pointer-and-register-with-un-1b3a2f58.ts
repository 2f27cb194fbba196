// tsbpf fuzz regression: verifier: math between map_value pointer and register with unbounded min value is not allowed
// Found by seed 3333, program 1136 (small), shrunk; make fuzz SEED=3333 ONLY=1136 finds the original.
// math between map_value pointer and register with unbounded min value is not allowed
type S1 = { f1: FixedArray<u16, 3>; f3: FixedArray<u16, 1> };
export class Probe1 {
  @tc({ onError: TcAction.Ok })
  static prog1(ctx: TcContext): TcAction {
    let arr1: FixedArray<u8, 7> = [u8(10)];
    const s1: S1 = { f1: [0, 0, arr1[u64(ctx.raw.hwtstamp) % 7]], f3: [] };
    trace("proto pkt=%d hit=%u len=%d", 0, ctx.protocol, i64(s1.f3[u64(0)] != 0));
    return TcAction.Pipe;
  }
}
