// tsbpf fuzz regression: verifier: BPF program is too large (1M processed instructions)
// expect: rejected TSBPF1090 (a switch whose cases are blocks ending in break was counted as no path through the loop body)
// Found by seed 20261129, program 61 (medium), cut to its second program; make fuzz SEED=20261129 ONLY=61 finds the original.
interface S1 { f3: u64; f1: FixedArray<u8, 2>; f2: u8; f4: bool; f5: bool; pad1: u8; pad2: u8; pad3: u8 }
const map1 = new XskMap(1024);
const map2 = new DevMap(16);
const map3 = new LruHashMap<S1, u64>(16);
function fn1(p1: u8, p2: S1, p3: u32): void {
  if (map3.delete(p2)) {
    let arr1: FixedArray<i32, 2> = [];
  } else if ((p2.f5 && (i8(127) < 15)) && p2.f5) {
    return;
  } else {
  }
}
export class Probe2 {
  @socketFilter
  static prog2(ctx: SkBuffContext): SocketAction {
    const raw1: u64 = ctx.packet().u64(22);
    trace("val proto=%x", i16(i64(9)));
    const ipv41 = ctx.packet().eth()?.ipv4();
    if (!ipv41) {
      return SocketAction.Drop;
    }
    const arp1 = ctx.packet().arp();
    if (!arp1) {
      return (i16(4) != 237) ? SocketAction.Accept : SocketAction.Drop;
    }
    if (!(ipv41.isFragment || (u32(ipv41.id) >= ctx.ifindex))) {
      return SocketAction.Drop;
    }
    fn1(ipv41.tos, { f3: raw1, f1: [], f2: ipv41.version >> u32(arp1.operation), f4: ipv41.isFragment, f5: ipv41.dontFragment, pad1: ipv41.protocol, pad2: ipv41.version, pad3: 7 }, ipv41.saddr);
    map3.delete({ f3: (u64(59) - 14) & 11, f1: [], f2: ipv41.protocol, f4: u32(arp1.targetMac.bytes[(ipv41.headerLength - ipv41.version) % 6]) == csumFold(ctx.len), f5: ipv41.dontFragment, pad1: u8(i64(-8600107860828952406)) - ipv41.protocol, pad2: arp1.senderMac.bytes[(ipv41.protocol + 255) % 6], pad3: (ipv41.protocol | ipv41.ihl) - (ipv41.ttl & 6) });
    let arr1: FixedArray<bool, 61> = [ipv41.isFragment, ipv41.dontFragment || (i64(72) == 9)];
    const geneve1 = ctx.eth()?.ipv6()?.udp()?.geneve();
    if (geneve1 == null) {
      return SocketAction.Accept;
    }
    let j1: u32 = 0;
    while (j1 < 5) {
      let j2: u32 = 0;
      while (j2 < 2) {
        switch (ipv41.tos / ipv41.ttl) {
          case 10: {
            trace("proto hit=%u", i64(13) & 1);
            const ipv42 = geneve1.eth()?.ipv4();
            const tcp1 = ipv41.tcp()?.options()?.tcp();
            if (tcp1 == null) {
              return SocketAction.Drop;
            }
            if (!ipv42) {
              return SocketAction.Accept;
            }
          }
          case 18: {
            map3.set({ f3: ctx.raw.gso_segs, f1: [geneve1.optionsLength ^ ipv41.tos], f2: ~u8(11), f4: arr1[0] && (ipv41.headerLength != geneve1.version), f5: arr1[21] || ipv41.dontFragment, pad1: geneve1.version + ipv41.tos, pad2: geneve1.optionsLength, pad3: u8(i64(11)) }, geneve1.oam ? (ipv41.tos | u64(ipv41.headerLength)) : (u64(arp1.hardwareType) + 114));
            break;
          }
          case 255: {
            const ref1 = map3.get({ f3: u64(!(raw1 == 11)), f1: [255 * (geneve1.version | ipv41.tos)], f2: 0, f4: ipv41.totalLength <= 3, f5: i8(110) != 127, pad1: ipv41.protocol & ipv41.ttl, pad2: arp1.senderMac.bytes[4] + (ipv41.headerLength | ipv41.ihl), pad3: geneve1.payload().u8(12) });
            if (ref1 == null) {
              break;
            }
            const c1 = geneve1.ipv6()?.gre()?.eth()?.payload();
            const udp1 = geneve1.ipv6()?.udp();
            const geneve2 = (udp1 != null) ? udp1.geneve() : null;
            break;
          }
          default: {
            let n1: u32 = j1;
            let s1: S1 = { f3: raw1 | (raw1 | raw1), f1: [], f2: geneve1.optionsLength | arp1.targetMac.bytes[1], f4: ipv41.isFragment, f5: ipv41.isFragment, pad1: geneve1.version & ipv41.ihl, pad2: arp1.senderMac.bytes[arp1.protocolType & 3] | ipv41.protocol, pad3: 11 };
            let addr1 = arp1.senderMac;
            const ipv61 = ipv41.gre()?.ipv6();
            if (!ipv61) {
              return (ipv41.ihl >= ipv41.version) ? SocketAction.Accept : SocketAction.Accept;
            }
            break;
          }
        }
        const b1: bool = ipv41.id <= u16(i64(6));
        j2++;
      }
      j1++;
    }
    return ipv41.dontFragment ? SocketAction.Drop : SocketAction.Accept;
  }
}
