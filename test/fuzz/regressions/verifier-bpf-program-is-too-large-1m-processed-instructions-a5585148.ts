// tsbpf fuzz regression: verifier: BPF program is too large (1M processed instructions)
// Found by seed 4444, program 0 (large), shrunk; make fuzz SEED=4444 ONLY=0 SIZE=large finds the original.
// BPF program is too large: processed 1000001 instructions (limit 1000000)
type S1 = { f1: u64 };
type S2 = { f2: S1; f1: u8; pad4: u8 };
const K1: u32 = 15;
const map1 = new PerCpuHashMap<u16, i8>(1);
const map2 = new LpmTrie<Ipv4Prefix, i32>(256);
const map3 = new HashMap<i32, u64>(4);
/** @noinline */
function fn1(): i64 {
  if ((K1 + 8) != (K1 ^ K1)) {
    return 4503599627370496;
  }
  return i64(i8(127)) - (-9223372036854775808);
}
export class Probe1 {
  @tc
  static prog1(ctx: TcContext): TcAction {
    let icmp1 = ctx.eth()?.ipv6()?.ipip()?.icmp();
    if (!icmp1) {
      return TcAction.Ok;
    }
    const b1: bool = (icmp1.id < 13) || (!(icmp1.code != 9));
    if (map3.set(53, 13 | u64(K1))) {
      map3.increment(1, icmp1.id);
      const ipv41 = ctx.eth()?.ipv4();
      if (!ipv41) {
        return TcAction.Pipe;
      }
      log.info("ttl pkt=%u pkt=%i", icmp1.checksum, u16(5) >> 4);
      const ref1 = map2.get({ prefixLen: 24, addr: ((u32(ctx.hash) != ctx.ingressIfindex) ? K1 : 4294967295) * (ipv41.dontFragment ? u32(8) : icmp1.checksum) });
      const c1 = ctx.packet().icmp()?.payload();
      return TcAction.Shot;
    } else {
      for (const ix1 of range(2, 5)) {
        if (b1) {
          return TcAction.Stolen;
        }
        icmp1.code = icmp1.code;
        const raw1: u32 = ctx.packet().u32(14);
        const ipv61 = icmp1.payload().ipv6();
      }
    }
    let s1: S1 = { f1: icmp1.type * u64(11) };
    const n1: i16 = (i16(4) | (-32768)) + (i16(11) & 10);
    map3.delete(n1);
    const c2 = icmp1.payload();
    map3.set(i32(n1), ctx.len);
    map2.increment({ prefixLen: 21, addr: cpuId() + c2.u32(37) });
    const s2: S2 = { f2: { f1: u64(icmp1.payload().u16(7) >= icmp1.id) }, f1: u8(u32(icmp1.sequence)), pad4: c2.u8(4) };
    const ref2 = map2.get({ prefixLen: 0, addr: u32(b1) });
    const raw2: u32 = c2.u32(11);
    icmp1.sequence = (icmp1.checksum * icmp1.checksum) - icmp1.sequence;
    let ipv62 = ctx.eth()?.ipv6();
    let arr1: FixedArray<S1, 4> = [{ f1: ktimeNs() }, { f1: raw2 }, { f1: randomU32() / bootNs() }];
    ctx.priority = ctx.len;
    const ipv63 = ctx.packet().ipv6();
    if (ipv63 == null) {
      return TcAction.Pipe;
    }
    ipv63.trafficClass = icmp1.code;
    const n2: u32 = c2.length + 6;
    const udp1 = ipv62?.tcp()?.payload()?.udp();
    const c3 = ipv62?.tcp()?.options()?.eth()?.payload();
    if (b1) {
      return TcAction.Redirect;
    }
    if (c3 != null) {
      map2.increment({ prefixLen: 31, addr: ipv63.flowLabel }, n1);
      let n3: i32 = i32(14) << 28;
      let n4: u64 = u64(i16(3));
      if (udp1) {
        s1.f1 |= n4;
        for (const ix2 of range(1)) {
          let addr1 = ipv63.saddr;
        }
      } else {
        if (b1 || b1) {
          return TcAction.Ok;
        }
        const icmpv61 = ipv63.icmpv6();
        if (!icmpv61) {
          return TcAction.Redirect;
        }
      }
      const icmpv62 = icmp1.payload().icmpv6();
      if (!icmpv62) {
        return (ipv63.trafficClass != icmp1.code) ? TcAction.Stolen : TcAction.Reclassify;
      }
    } else {
      if (map2.delete({ prefixLen: 30, addr: 0 - (raw2 / 0) })) {
        let c4 = ipv63.icmpv6()?.payload();
      } else {
        const n5 = u16(u64(104));
      }
      ipv63.hopLimit = 58;
      const icmpv63 = (ipv62 != null) ? ipv62.icmpv6() : null;
      if (!icmpv63) {
        return TcAction.Pipe;
      }
      const ipv64 = c2.gre()?.ipv6()?.ipv6in6();
      if (!ipv64) {
        return TcAction.Redirect;
      }
    }
    fn1();
    const n6: u64 = icmp1.payload().u64(37);
    for (let ix3: u16 = 4; ix3 > 1; ix3 -= 2) {
      let ipv42 = icmp1.payload().ipv4()?.gre()?.ipv4();
      if (!ipv42) {
        break;
      }
      const n7 = ipv42.totalLength;
      if (udp1 && ipv42.dontFragment) {
        return TcAction.Shot;
      }
      ipv42.dontFragment = n6 == arr1[3].f1;
      for (let ix4: u64 = 6; ix4 > 2; ix4--) {
        arr1[(ix3 ^ 9) % 4].f1 = s2.f2.f1;
        continue;
      }
    }
    for (let ix5: u32 = 4; ix5 > 1; ix5 -= 2) {
      for (let ix6: u32 = 1; ix6 < 5; ix6++) {
        log.warn("len id=%x len=%d ttl=%i", i16(u64(4503599627370496)), c2.length >= icmp1.checksum, n1 + i32(-1523675596));
        s1.f1 ^= s2.f1;
        if (b1) {
          s1.f1 = ix5;
          let arr2: FixedArray<u32, 2> = [];
          if (!udp1) {
            return TcAction.Redirect;
          }
          for (const ix7 of range(1, 2)) {
            const raw3: u32 = ctx.packet().u32(118);
            if ((icmp1.type + n2) != arr2[s2.pad4 % 2]) {
              let c5 = ctx.packet().tcp()?.payload();
              arr2[ix7] = ix5;
            }
            if (!c3) {
              break;
            }
          }
        }
        break;
      }
    }
    return TcAction.Pipe;
  }
}
