// tsbpf fuzz regression: verifier: variable ctx access var_off=(N; N) disallowed
// Found by seed 3333, program 875 (medium), shrunk; make fuzz SEED=3333 ONLY=875 finds the original.
// variable ctx access var_off=(0x0; 0x8) disallowed
interface S1 { f1: u16; pad1: u8; pad2: u8; pad3: u8; pad4: u8 }
const map1 = new LruHashMap<S1, i16>(4);
export class Probe2 {
  @tc
  static prog2(ctx: TcContext): TcAction {
    map1.set({ f1: u16(ctx.raw.cb[u16(ctx.protocol) & 2]), pad1: 0, pad2: 0, pad3: 0, pad4: 0 }, 0);
    return TcAction.Stolen;
  }
}
