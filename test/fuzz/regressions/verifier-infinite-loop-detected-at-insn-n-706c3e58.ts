// tsbpf fuzz regression: verifier: infinite loop detected at insn N
// Found by seed 20261149, program 706 (medium), shrunk; make fuzz SEED=20261149 ONLY=706 finds the original.
// clang tested s1.f4 < s1.f4 + s1.f4 twice (j2 += c ? 1 : 0, then a jump on c); the verifier took the two tests apart and came back to the loop's head unchanged
interface S1 { f5: i64; f2: FixedArray<u8, 1>; f4: i8; pad3: u8 }
const map3 = new LruHashMap<i64, i32>(64);
export class Probe1 {
  @socketFilter
  static prog2(ctx: SkBuffContext): SocketAction {
    let s1: S1 = { f5: 0, f2: [], f4: 0, pad3: 2 };
    let n1: u16 = csumFold(s1.f2[u64(0)] - 0);
    let ipv41 = ctx.packet().icmpv6()?.payload()?.ipv6()?.ipip();
    if (!ipv41) {
      return SocketAction.Accept;
    }
    let j2: u32 = 0;
    while (j2 < 1) {
      const raw1: u64 = 0;
      if (ipv41.isFragment) {
        const ref3 = map3.get(0);
        if (!ref3) {
        }
        if (s1.f4 < (s1.f4 + s1.f4)) {
          break;
        }
      } else {
        break;
      }
      j2++;
    }
    return SocketAction.Accept;
  }
}
