// tsbpf fuzz regression: verifier: cannot return stack pointer to the caller
// Found by seed 20261146, program 2103 (medium), shrunk; make fuzz SEED=20261146 ONLY=2103 finds the original.
// cannot return stack pointer to the caller
/** @noinline */
function fn1(): void {
  let arr1: FixedArray<u16, 1> = [];
  const n1 = csumReplace16(0, false ? 0 : arr1[0], arr1[u32(arr1[u8(0)]) % 1]);
}
export class Probe1 {
  @tc
  static prog1(ctx: TcContext): TcAction {
    fn1();
    return TcAction.Stolen;
  }
}
