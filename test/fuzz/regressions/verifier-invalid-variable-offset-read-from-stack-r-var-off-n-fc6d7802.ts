// tsbpf fuzz regression: verifier: invalid variable-offset read from stack R? var_off=(N; N)
// Found by seed 4444, program 41 (large), shrunk; make fuzz SEED=4444 ONLY=41 SIZE=large finds the original.
// invalid variable-offset read from stack R4 var_off=(0x0; 0x1fe) off=-7 size=1
interface S1 { f3: bool }
type S2 = { f2: S1; pad6: u8 };
export class Probe1 {
  @xdp({ onError: XdpAction.Redirect })
  static prog1(ctx: XdpContext): XdpAction {
    let arr2: FixedArray<S2, 4> = [];
    const raw6: u64 = ctx.packet().u64(0);
    arr2[u16(arr2[u16(raw6) % 4].f2.f3) & 1].pad6 += 0;
    return XdpAction.Aborted;
  }
}
