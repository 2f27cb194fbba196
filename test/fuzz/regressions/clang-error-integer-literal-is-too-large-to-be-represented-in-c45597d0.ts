// tsbpf fuzz regression: clang error: integer literal is too large to be represented in any integer type
// expect: rejected TSBPF1101 (a constant log argument must fit the 64 bits it travels in)
// Found by seed 20261129, program 8081, shrunk; make fuzz SEED=20261129 ONLY=8081 finds the original.
const K1 = 0xffffffffffffffff;
export class Probe1 {
  @tc({ onError: TcAction.Redirect })
  static prog1(ctx: TcContext): TcAction {
    log.info("ttl len=%i hit=%d flow=%u x=%u proto=%d", 0, K1 * 3, 0, 0, false);
    return TcAction.Redirect;
  }
}
