// tsbpf fuzz regression: verifier: invalid unbounded variable-offset write to stack
// Found by seed 3333, program 1434 (medium), shrunk; make fuzz SEED=3333 ONLY=1434 finds the original.
// invalid unbounded variable-offset write to stack R4
interface S2 { f3: FixedArray<u16, 6>; pad3: u8 }
export class Probe1 {
  @xdp({ onError: XdpAction.Pass })
  static prog2(ctx: XdpContext): XdpAction {
    let arr1: FixedArray<S2, 1> = [];
    for (const ix1 of range(4)) {
      arr1[0].f3[arr1[0].pad3 % 6] /= 0;
    }
    return XdpAction.Tx;
  }
}
