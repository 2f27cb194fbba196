// tsbpf fuzz regression: verifier: BPF program is too large (1M processed instructions)
// Found by seed 20261153, program 1112 (medium), shrunk; make fuzz SEED=20261153 ONLY=1112 finds the original.
// with the packet's bounds read as a pure value, clang hoisted the read out of the 256-trip loop: 362,879 steps became over 1,000,000; files with loops read them in place
export class Probe1 {
  @tc
  static prog1(ctx: TcContext): TcAction {
    let ethernet1 = ctx.eth()?.payload()?.gre()?.eth();
    if (!ethernet1) {
      return TcAction.Redirect;
    }
    const ethernet2 = ctx.packet().ipv4()?.gre()?.eth();
    if (!ethernet2) {
      return TcAction.Reclassify;
    }
    const raw1: u32 = 0;
    let j1: u32 = 0;
    while (j1 < 256) {
      for (const ix1 of range(1)) {
        log.error("hit proto=%x pkt=%i seen=%i id=%u", 0, 0, 0, ethernet1.dst.bytes[ix1] | ethernet2.dst.bytes[0]);
        const b1: bool = 0 >= (false ? raw1 : 0);
      }
      j1++;
    }
    const ipv61 = ctx.packet().arp()?.payload()?.ipv6()?.ipv6in6();
    return TcAction.Reclassify;
  }
}
