// tsbpf fuzz regression: verifier: BPF program is too large (1M processed instructions)
// expect: rejected TSBPF1090 (a header parsed in a 256-trip loop whose absence carries on: the verifier walked it 700,000 steps against an estimate of 46,000; parses in loops now cost trips² and four times their walk)
// Found by seed 20261129, program 444 (medium), shrunk by hand from the fuzzer's 41 lines; make fuzz SEED=20261129 ONLY=444 finds the original.
export class Probe1 {
  @socketFilter
  static prog3(ctx: SkBuffContext): SocketAction {
    let c1 = ctx.packet().arp()?.payload();
    if (c1) {
      const vxlan1 = c1.udp()?.vxlan();
      if (!vxlan1) {
        return SocketAction.Accept;
      }
      for (const ix1 of range(4, 260)) {
        const ethernet1 = vxlan1.eth();
      }
    }
    const ipv41 = c1?.geneve();
    if (ipv41 == null) {
      return SocketAction.Drop;
    }
    return SocketAction.Drop;
  }
}
