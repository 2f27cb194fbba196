// tsbpf fuzz regression: verifier: R? !read_ok
// Found by seed 20261303, program 1613 (medium), shrunk; make fuzz SEED=20261303 ONLY=1613 finds the original.
// R1 !read_ok: a constant return beside one computed by a helper, merged by clang into an or of both
const map2 = new LpmTrie<Ipv6Prefix, u8>(256);
const map4 = new PerCpuHashMap<i32, i64>(2);
/** @noinline */
function fn2(): bool {
  if (0 < 0xbaa83e1f8d05f) {
    const ref1 = map4.get(0);
    if (!ref1) {
      return 0 > bootNs();
    }
  }
  return i32(0) > (-776950899);
}
export class Probe1 {
  @tc
  static prog1(ctx: TcContext): TcAction {
    map2.delete({ prefixLen: 54, addr: [0, fn2() ? 0 : 14] });
    return TcAction.Reclassify;
  }
}
