// tsbpf fuzz regression: build diagnostic after check: TSBPF3004
// expect: rejected TSBPF1058 (a 456-byte array in a loop body keeps its slot after the loop: clang needed 544 bytes)
// Found by seed 3349117144, program 222 (medium), cut to its socket filter; make fuzz SEED=3349117144 ONLY=222 finds the original.
const K1 = u64(14);
const map1 = new LruHashMap<i16, i64>(4);
const map2 = new LpmTrie<Ipv6Prefix, u32>(1);
const map3 = new XskMap(16);
function fn1(p1: i8, p2: Ipv6, p3: i32): void {
  p3 >>= 16;
}
export class Probe2 {
  @socketFilter
  static prog2(ctx: SkBuffContext): SocketAction {
    for (let ix1: u16 = 2; ix1 < 5; ix1 += 1) {
      const n1: u16 = ctx.protocol;
      let arr1: FixedArray<u64, 57> = [];
      let n2: u32 = ((u16(ctx.protocol) <= 12) || (arr1[ix1] < ctx.ifindex)) ? u32(0xffffffff) : (u32(n1) << 30);
    }
    let b1: bool = (65535 - u16(ctx.protocol)) == ctx.protocol;
    map1.delete(i16(1) ^ 3);
    log.warn("flow val=%u seen=%i", !(u16(ctx.protocol) == 4), !(u32(ctx.raw.gso_segs) > ctx.ifindex));
    const n3 = ctx.len & (ctx.len - u32(u16(ctx.protocol)));
    map2.increment({ prefixLen: 65, addr: [u8(i8(10)), u8(b1) - 5, (n3 <= 9) ? u8(7) : 102, 255, 160, u8(u32(ctx.len))] });
    b1 = (!b1) || (!b1);
    const n4: u64 = b1 ? u64(ctx.mark) : K1;
    if (u32(ctx.ifindex) != ctx.ifindex) {
      const bytes1 = ctx.packet().bytes(25, 7);
      let n5: u32 = (n3 ^ ctx.mark) * u32(bytes1[u16(ctx.protocol) % 7]);
      const vxlan1 = ctx.eth()?.vlan(~u32(ctx.protocol))?.payload()?.udp()?.vxlan();
      n5--;
      for (const ix2 of range(3, 8)) {
        const n6: u32 = (u32(ctx.raw.vlan_proto) <= (~u32(3))) ? n3 : n5;
        switch (8 - n5) {
          case 8: {
            let n7: i64 = 244;
            break;
          }
          case 3: {
            n5++;
            const udp1 = vxlan1?.eth()?.ipv6()?.udp();
            if (!udp1) {
              break;
            }
            break;
          }
          case 4256402043: {
            const ethernet1 = (vxlan1 != null) ? vxlan1.eth() : null;
            break;
          }
          default: {
            let arr2: FixedArray<i32, 4> = [];
            break;
          }
        }
      }
    } else {
    }
    return SocketAction.Drop;
  }
}
