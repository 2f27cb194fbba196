// tsbpf fuzz regression: verifier: invalid unbounded variable-offset read from stack
// Found by seed 3333, program 102 (small), shrunk; make fuzz SEED=3333 ONLY=102 finds the original.
// invalid unbounded variable-offset read from stack R3
export class Probe1 {
  @tc
  static prog1(ctx: TcContext): TcAction {
    const bytes1 = ctx.packet().bytes(0, 7);
    if (0 == bytes1[u16(ctx.protocol) % 7]) {
      const ipv41 = ctx.packet().udp()?.payload()?.ipv4();
    }
    return false ? TcAction.Shot : TcAction.Stolen;
  }
}
