// tsbpf fuzz regression: verifier: R? N-bit pointer arithmetic prohibited
// Found by seed 3333, program 1452 (small), shrunk; make fuzz SEED=3333 ONLY=1452 finds the original.
// R2 32-bit pointer arithmetic prohibited
interface S1 { f4: u32 }
export class Probe1 {
  @tc
  static prog1(ctx: TcContext): TcAction {
    for (const ix1 of range(1, 3)) {
      const c1 = ctx.eth()?.vlan(0)?.payload();
      if (!c1) {
        return TcAction.Redirect;
      }
    }
    let s1: S1 = { f4: cpuId() };
    return TcAction.Redirect;
  }
}
