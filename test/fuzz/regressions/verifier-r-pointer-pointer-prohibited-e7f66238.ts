// tsbpf fuzz regression: verifier: R? pointer |= pointer prohibited
// Found by seed 20261129, program 7032 (medium), shrunk; make fuzz SEED=20261129 ONLY=7032 finds the original.
interface S1 { f3: i64; f2: FixedArray<u16, 1> }
const map2 = new LpmTrie<Ipv4Prefix, u16>(256);
function fn1(p1: i32, p2: S1, p3: i64): i32 {
  const ref1 = map2.get({ prefixLen: 3, addr: 0 });
  if (!ref1) {
    return p1;
  }
  return 0;
}
export class Probe1 {
  @xdp
  static prog3(ctx: XdpContext): XdpAction {
    let s1: S1 = { f3: fn1(fn1(-464449579, { f3: 0, f2: [] }, 0), { f3: 0, f2: [] }, 0), f2: [] };
    let s2: S1 = s1;
    s2.f2[u16(0)] %= 0;
    return XdpAction.Redirect;
  }
}
