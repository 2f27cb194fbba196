// tsbpf fuzz regression: verifier: invalid size of register spill
// Found by seed 3333, program 1278 (large), shrunk; make fuzz SEED=3333 ONLY=1278 finds the original.
// invalid size of register spill
export class Probe1 {
  @tc({ onError: TcAction.Stolen })
  static prog1(ctx: TcContext): TcAction {
    const ethernet2 = ctx.packet().gre()?.payload()?.eth();
    if (!ethernet2) {
      return TcAction.Pipe;
    }
    const raw4: u32 = ctx.packet().u32(u32(ctx.len) & 1);
    if (0 != ctx.len) {
      let c8 = ethernet2.arp()?.payload()?.vxlan()?.payload();
      let ipv42 = c8?.ipv4();
      if (!ipv42) {
        return TcAction.Reclassify;
      }
    } else {
      const c9 = ctx.packet().vxlan()?.eth()?.arp()?.payload();
      if (!c9) {
        return TcAction.Ok;
      }
    }
    const ethernet3 = ctx.packet().ipv4()?.options()?.geneve()?.eth();
    return TcAction.Redirect;
  }
}
