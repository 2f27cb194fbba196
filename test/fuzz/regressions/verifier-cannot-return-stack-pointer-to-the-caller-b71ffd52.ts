// tsbpf fuzz regression: verifier: cannot return stack pointer to the caller
// Found by seed 20261129, program 2055 (medium), shrunk again after the first fix; make fuzz SEED=20261129 ONLY=2055 finds the original.
interface S1 { pad2: u8; pad3: u8; pad4: u8 }
const cfg1 = config({ opt1: u16(0), opt2: i8(0), flag3: false, flag4: false });
/** @noinline */
function fn1(): bool {
  let arr1: FixedArray<S1, 1> = [];
  arr1[u8(0)].pad2 = (false ? 0 : arr1[0].pad4) * arr1[u16(0)].pad3;
  return false || cfg1.flag3;
}
export class Probe2 {
  @tc
  static prog2(ctx: TcContext): TcAction {
    fn1();
    return TcAction.Reclassify;
  }
}
