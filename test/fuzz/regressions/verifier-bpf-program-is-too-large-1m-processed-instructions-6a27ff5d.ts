// tsbpf fuzz regression: verifier: BPF program is too large (1M processed instructions)
// expect: rejected TSBPF1090 (the estimate, with socket filters' copied frame counted and its margin, refuses what took the verifier over 1,000,000 steps)
// Found by seed 2277324824, program 236 (medium), shrunk, before the generator learnt generic helpers (its stream changed).
interface S2 { f1: i16 }
const map1 = new PerCpuArray<i8>(16);
export class Probe1 {
  @socketFilter({ onError: SocketAction.Drop })
  static prog1(ctx: SkBuffContext): SocketAction {
    const n1 = 15 + u32(ctx.ifindex);
    if ((u32(ctx.ifindex) != 9) || (i32(33) != 14)) {
      for (const ix1 of range(3, 67)) {
        const raw1: u16 = ctx.packet().u16(ix1 + 22);
        let n2: i64 = 12;
        if (n1 == 5) {
          let n3: i8 = 26;
          const n4: i32 = n3;
          const udp1 = ctx.eth()?.ipv4()?.options()?.ipv6()?.udp();
          let s1: S2 = { f1: n3 & i16(n3) };
          const n5 = (raw1 + (ctx.protocol * u16(ctx.protocol))) + 14;
          const b1: bool = udp1 != null;
        } else if (n1 <= (raw1 ^ u32(8))) {
          const n6: u32 = u32(u64(ix1));
          map1.increment(n1);
          n2 >>= 36;
          const raw2: u32 = ctx.packet().u32(1415);
          const raw3: u16 = ctx.packet().u16(n6 % 207);
        } else {
          const icmpv61 = ctx.packet().arp()?.payload()?.icmpv6();
          const b2: bool = !(ix1 < n1);
          let gre1 = ctx.eth()?.ipv4()?.gre();
          if (!gre1) {
            return SocketAction.Drop;
          }
          n2 += (n2 <= 6) ? n2 : n2;
          break;
        }
        map1.set(ctx.ifindex ^ (ctx.ifindex + n1), (n1 < 9) ? i8(127) : 12);
        const c1 = ctx.eth()?.ipv6()?.payload();
        if (!c1) {
          return (raw1 == 2) ? SocketAction.Drop : SocketAction.Accept;
        }
      }
      const c2 = ctx.eth()?.ipv6()?.icmpv6()?.payload();
    }
    return SocketAction.Accept;
  }
}
