// tsbpf fuzz regression: verifier: invalid access to map value
// Found by seed 3333, program 1043 (small), shrunk; make fuzz SEED=3333 ONLY=1043 finds the original.
// invalid access to map value, value_size=32768 off=65535 size=2
interface S1 { f5: u16; f1: i8; f3: FixedArray<u8, 1>; pad1: u8; pad2: u8; pad3: u8; pad4: u8; pad5: u8; pad6: u8 }
const map1 = new RingBuf<S1>(4096);
export class Probe1 {
  @socketFilter
  static prog1(ctx: SkBuffContext): SocketAction {
    const raw1: u16 = ctx.packet().u16((false ? 0 : ctx.protocol) % 185);
    map1.output({ f5: raw1, f1: 0, f3: [], pad1: 0, pad2: 0, pad3: 0, pad4: 0, pad5: 0, pad6: 0 });
    return SocketAction.Drop;
  }
}
