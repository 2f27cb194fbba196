// tsbpf fuzz regression: clang error: A call to built-in function 'memset' is not supported
// expect: rejected TSBPF1058 (the stack estimate refuses the 95-element array of structs)
// Found by seed 3333, program 1399 (large), shrunk; make fuzz SEED=3333 ONLY=1399 finds the original.
// error: A call to built-in function 'memset' is not supported.
type S1 = { f2: u64 };
interface S2 { f1: S1; pad6: u8; pad7: u8 }
export class Probe1 {
  @xdp
  static prog1(ctx: XdpContext): XdpAction {
    let arr1: FixedArray<S2, 95> = [];
    for (const ix1 of range(1)) {
      let n2: u8 = arr1[arr1[ix1].pad7 & 82].pad6;
    }
    return XdpAction.Redirect;
  }
}
