// tsbpf fuzz regression: build diagnostic after check: TSBPF3004
// Found by seed 20261129, program 6250 (medium), shrunk; make fuzz SEED=20261129 ONLY=6250 finds the original.
// TSBPF3004: an IPv6 address assigned in a loop held its sixteen old and new words in registers for the checksum upkeep; clang spilled them past 512 bytes
type S1 = { f4: i64; f1: u16; f2: bool; f3: u8; f5: bool; pad1: u8; pad2: u8; pad3: u8 };
const map3 = new LruHashMap<S1, i64>(1);
export class Probe2 {
  @xdp
  static prog3(ctx: XdpContext): XdpAction {
    const ipv61 = ctx.packet().ipv6();
    if (!ipv61) {
      return XdpAction.Aborted;
    }
    let c1 = ctx.eth()?.arp()?.payload();
    map3.delete({ f4: 0, f1: 0, f2: false, f3: ipv61.daddr.bytes[u8(0)], f5: false, pad1: 0, pad2: 0, pad3: u8(ipv61.daddr.bytes[u16(0)] - 0) });
    const n1 = u32(ipv61.daddr.bytes[u64(0)]);
    let arr1: FixedArray<u16, 54> = [];
    let addr1 = ipv61.saddr;
    let s1: S1 = { f4: 0, f1: 0, f2: false, f3: 0, f5: 0 == addr1.bytes[0], pad1: (0 <= arr1[u16(0)]) ? u8(0) : 0, pad2: 0, pad3: ipv61.nextHeader };
    let arr2: FixedArray<S1, 5> = [{ f4: 0, f1: 0, f2: false, f3: 0, f5: false, pad1: 0, pad2: 0, pad3: 0 }, s1, s1, { f4: 0, f1: u16(ipv61.saddr.bytes[u16(0)]), f2: false, f3: 0, f5: false, pad1: addr1.bytes[u16(0)], pad2: 0, pad3: 0 }];
    const gre1 = ipv61.ipv6in6()?.gre();
    if (0 != u16(arr2[0].f5)) {
      for (const ix1 of range(2)) {
        map3.delete(s1);
        if (gre1) {
          let c3 = c1?.udp()?.payload()?.ipv6()?.payload();
        }
        if (c1) {
          ipv61.daddr = ipv61.saddr;
        }
      }
    } else if (i16(u64(arr2[u64(0)].f1)) > 0) {
    }
    return XdpAction.Drop;
  }
}
