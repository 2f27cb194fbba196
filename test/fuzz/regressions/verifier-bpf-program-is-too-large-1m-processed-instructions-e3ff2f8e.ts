// tsbpf fuzz regression: verifier: BPF program is too large (1M processed instructions)
// Found by seed 20261153, program 2378 (medium), shrunk; make fuzz SEED=20261153 ONLY=2378 finds the original.
// a comparison of header fields in a 256-trip loop, decided on every trip (tsbpf_decided), kept the states apart: 89,240 steps became over 1,000,000; such comparisons are left to clang
// BPF program is too large: processed 1000001 instructions (limit 1000000)
interface S1 { f4: i32; f2: i8; pad1: u8; pad2: u8; pad3: u8; pad4: u8 }
const K1: i64 = 0;
const K2 = 0;
const map1 = new XskMap(64);
const map2 = new LruHashMap<i64, i8>(1);
function fn1(p1: i64, p2: Ethernet | null, p3: S1, p4: u64): u32 {
  return 0;
}
/** @noinline */
function fn2(p1: u16, p2: i8, p3: bool, p4: u8): i32 {
  return 0;
}
/** @noinline */
function fn3(p1: i8, p2: i32, p3: i8, p4: i32): i8 {
  return 0;
}
export class Probe2 {
  @xdp
  static prog3(ctx: XdpContext): XdpAction {
    let arr1: FixedArray<i16, 5> = [];
    arr1[0] = i16(0);
    const arp1 = ctx.eth()?.arp();
    const ethernet1 = ctx.packet().eth();
    const b1: bool = false;
    const raw1: u16 = 0;
    const tcp1 = ctx.eth()?.ipv4()?.tcp();
    if (!tcp1) {
      return false ? map1.redirect(csumReplace32(u16(u32(ctx.rxQueueIndex)), u32(b1), b1 ? (~u32(ctx.rxQueueIndex)) : 6) - u32(14), XdpAction.Pass) : redirect(12, (ctx.ingressIfindex + u64(2)) + csumFold(~u32(ctx.rxQueueIndex)));
    }
    const s1: S1 = { f4: fn2(tcp1.window, 127, tcp1.flags >= tcp1.dataOffset, u8((i8(1) <= 9) ? u32(16) : ctx.ingressIfindex)) ^ fn2((u32(ctx.ingressIfindex) < ctx.ingressIfindex) ? u16(9) : tcp1.payload().u8((u32(15) - 2) & 15), i8(5) >> (tcp1.urg ? u32(raw1) : ctx.rxQueueIndex), b1, tcp1.dataOffset & 12), f2: fn3((i8(22) + 0) | 127, arr1[(tcp1.seq + tcp1.seq) % 5], (!(u16(83) == 0xffff)) ? i8(25) : (i8(10) + 127), arr1[4] + i32(arr1[u64(i64(13)) % 5])) | fn3(0, arr1[(0 - u64(ctx.rxQueueIndex)) & 2], 2, arr1[u64(tcp1.checksum) & 2]), pad1: 2 + (tcp1.flags + tcp1.dataOffset), pad2: tcp1.payload().u8(14), pad3: tcp1.dataOffset, pad4: 60 };
    let n2: u32 = ((s1.f4 > arr1[0]) ? u32(ctx.rxQueueIndex) : (6 | u32(s1.pad3))) - (13 + u32(ctx.rxQueueIndex));
    const icmp1 = ctx.packet().ipv4()?.icmp();
    if (icmp1 == null) {
      return XdpAction.Pass;
    }
    let ipv61 = arp1?.payload()?.geneve()?.eth()?.ipv6();
    const ipv62 = ctx.packet().eth()?.ipv6();
    if (!ipv62) {
      return XdpAction.Aborted;
    }
    const raw2: u32 = icmp1.payload().u32(1297);
    for (let ix2: i32 = 0; ix2 <= 255; ix2 += 1) {
      let n3: u32 = ((icmp1.code + tcp1.urgentPointer) > ipv62.version) ? (raw2 - s1.pad3) : (n2 * (raw2 % s1.pad2));
    }
    arr1[0] = (arr1[u64(raw2) & 4] > arr1[1]) ? i16(s1.f4) : ((!ipv61) ? i16(s1.f2) : 0);
    return XdpAction.Redirect;
  }
}
