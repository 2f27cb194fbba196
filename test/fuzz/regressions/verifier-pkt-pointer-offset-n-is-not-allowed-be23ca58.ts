// tsbpf fuzz regression: verifier: pkt pointer offset N is not allowed
// Found by seed 20261165, program 3737 (medium), shrunk; make fuzz SEED=20261165 ONLY=3737 finds the original.
// pkt pointer offset 1570753984 is not allowed
/** @noinline */
function fn2(p1: u16, p2: i64, p3: u8, p4: u32): u32 {
  return 0;
}
export class Probe1 {
  @tc
  static prog2(ctx: TcContext): TcAction {
    let n1: u32 = fn2(0, 0, 0, 0);
    const c1 = ctx.eth()?.payload();
    if (!c1) {
      return TcAction.Ok;
    }
    switch (n1 - ctx.raw.tc_classid) {
      case 48: {
        c1.setU64(n1 + 1570753984, 0);
      }
    }
    return TcAction.Redirect;
  }
}
