// tsbpf fuzz regression: verifier: math between fp pointer and register with unbounded min value is not allowed
// Found by seed 3333, program 1085 (medium), shrunk; make fuzz SEED=3333 ONLY=1085 finds the original.
// math between fp pointer and register with unbounded min value is not allowed
export class Probe1 {
  @tc
  static prog2(ctx: TcContext): TcAction {
    const arp1 = ctx.eth()?.arp();
    if (!arp1) {
      return TcAction.Reclassify;
    }
    const bytes1 = arp1.payload().bytes(0, 7);
    arp1.payload().setU8(u32(bytes1[(u64(arp1.targetIp) << u16(55410)) % 7]), 0);
    return TcAction.Ok;
  }
}
