// tsbpf fuzz regression: verifier: math between ctx pointer and register with unbounded min value is not allowed
// Found by seed 3333, program 615 (medium), shrunk; make fuzz SEED=3333 ONLY=615 finds the original.
// math between ctx pointer and register with unbounded min value is not allowed
export class Probe1 {
  @tc({ onError: TcAction.Stolen })
  static prog1(ctx: TcContext): TcAction {
    let n1: u32 = 0;
    n1 |= ctx.raw.cb[(ctx.raw.ifindex - u64(10)) % 5];
    const c1 = ctx.eth()?.payload();
    if (!c1) {
      return TcAction.Shot;
    }
    if (((c1.length > n1) && (0 > c1.u8(0))) && false) {
    }
    return TcAction.Pipe;
  }
}
