// tsbpf fuzz regression: verifier: R? unbounded memory access, make sure to bounds check any such access
// Found by seed 3333, program 447 (small), shrunk; make fuzz SEED=3333 ONLY=447 finds the original.
// R3 unbounded memory access, make sure to bounds check any such access
type S1 = { f1: FixedArray<u8, 5> };
const map2 = new LruHashMap<S1, i64>(256);
export class Probe1 {
  @xdp
  static prog1(ctx: XdpContext): XdpAction {
    let n1: u32 = ctx.ingressIfindex;
    const s1: S1 = { f1: [255] };
    if (map2.delete({ f1: [0, s1.f1[u16(s1.f1[u64(n1) % 5]) & 3]] })) {
    }
    return XdpAction.Drop;
  }
}
