// tsbpf fuzz regression: verifier: BPF program is too large (1M processed instructions)
// expect: rejected TSBPF1090 (an IPv6 address written on each of 256 trips keeps the TCP, UDP or ICMPv6 checksum after it: its branches' states walk on through the later trips, trips² times, which the estimate did not count)
// Found by seed 20261152, program 850 (medium), shrunk; make fuzz SEED=20261152 ONLY=850 finds the original.
export class Probe2 {
  @tc
  static prog2(ctx: TcContext): TcAction {
    const ipv61 = ctx.eth()?.ipv6();
    if (!ipv61) {
      return TcAction.Pipe;
    }
    for (let ix1: i32 = 1; ix1 != 257; ix1++) {
      ipv61.saddr = ipv61.daddr;
    }
    return TcAction.Stolen;
  }
}
