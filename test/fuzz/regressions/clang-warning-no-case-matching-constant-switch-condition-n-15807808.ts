// tsbpf fuzz regression: clang warning: no case matching constant switch condition 'N'
// Found by seed 3333, program 975 (small), shrunk; make fuzz SEED=3333 ONLY=975 finds the original.
// warning: no case matching constant switch condition '0'
export class Probe1 {
  @tc
  static prog1(ctx: TcContext): TcAction {
    switch (u32(0)) {
      case 0x6fa29d16: {
      }
    }
    return TcAction.Shot;
  }
}
