// tsbpf fuzz regression: clang warning: -Wtautological-bitwise-compare
// Found by seed 3333, program 756 (small), shrunk; make fuzz SEED=3333 ONLY=756 finds the original.
// warning: bitwise comparison always evaluates to false [-Wtautological-bitwise-compare]
export class Probe1 {
  @tc
  static prog1(ctx: TcContext): TcAction {
    if ((i16(i16(0)) | 16) == 0) {
    }
    return TcAction.Shot;
  }
}
