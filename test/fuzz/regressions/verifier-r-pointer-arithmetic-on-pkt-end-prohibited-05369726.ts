// tsbpf fuzz regression: verifier: R? pointer arithmetic on pkt_end prohibited
// Found by seed 3333, program 776 (medium), shrunk; make fuzz SEED=3333 ONLY=776 finds the original.
// R0 pointer arithmetic on pkt_end prohibited
export class Probe1 {
  @tc
  static prog1(ctx: TcContext): TcAction {
    const c1 = ctx.packet().ipv4()?.payload()?.geneve()?.options();
    if (!c1) {
      return TcAction.Redirect;
    }
    let j1: u32 = 0;
    while (j1 < 3) {
      const raw2: u32 = c1.u32(j1 + 32);
      j1 += 1;
    }
    c1.setU64(0, 0);
    return TcAction.Redirect;
  }
}
