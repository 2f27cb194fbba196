// tsbpf fuzz regression: verifier: R? !read_ok
// Found by seed 20261190, program 3987 (medium), shrunk; make fuzz SEED=20261190 ONLY=3987 finds the original.
// R2 !read_ok
const cfg1 = config({ opt1: i8(0), opt2: i64(0), opt3: i16(0), opt4: u8(0) });
const map3 = new PerCpuArray<u8>(16);
const map4 = new PerCpuArray<u64>(16);
export class Probe1 {
  @tc
  static prog1(ctx: TcContext): TcAction {
    let j1: u32 = 0;
    while (j1 < 1) {
      const ref1 = map4.get(0);
      for (let ix1: u32 = 3; ix1 < 5; ix1 = ix1 + 2) {
        let ipv61 = ctx.packet().eth()?.ipv6();
      }
      if (map3.set(0, 0)) {
        if (0 >= 0) {
          let arr1: FixedArray<bool, 5> = [];
          if (ref1 == null) {
            return redirect(0);
          }
          ctx.packet().setU64(u32(arr1[u32(cfg1.opt4) % 5]), 0);
          const c1 = ctx.packet().icmp()?.payload()?.udp()?.payload();
          if (!c1) {
            return TcAction.Shot;
          }
        }
        for (const ix2 of range(0, 1)) {
          map3.increment(0, cfg1.opt4);
        }
        break;
      }
      j1 += 1;
    }
    return TcAction.Reclassify;
  }
}
