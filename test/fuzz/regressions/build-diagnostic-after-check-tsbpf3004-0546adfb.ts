// tsbpf fuzz regression: build diagnostic after check: TSBPF3004
// Found by seed 20261129, program 444 (medium), shrunk; make fuzz SEED=20261129 ONLY=444 finds the original.
// TSBPF3004: two 40-byte struct literals passed to map.set() by value: clang held all their fields in registers before the copy and spilled them past 512 bytes
interface S1 { f3: i64; f5: u64; f1: bool; f2: FixedArray<u8, 8>; f4: bool; pad1: u8; pad2: u8; pad3: u8; pad4: u8; pad5: u8; pad6: u8 }
interface S2 { f1: S1; f2: i16; f3: u16; f4: bool; pad1: u8; pad2: u8; pad3: u8 }
const cfg1 = config({ opt1: i16(0) });
const map1 = new PerCpuHashMap<S2, S2>(1024);
export class Probe1 {
  @xdp({ onError: XdpAction.Aborted })
  static prog1(ctx: XdpContext): XdpAction {
    let n1: u32 = ctx.ingressIfindex + 0;
    let n3: u16 = csumReplace16(0, 0, csumReplace32(0, 0, u32(ctx.rxQueueIndex)));
    const c2 = ctx.eth()?.payload();
    let arr1: FixedArray<S2, 5> = [];
    map1.set({ f1: { f3: arr1[u32(0)].f1.f3, f5: 2 ^ u64(n3), f1: n3 != 0, f2: [], f4: arr1[0].f2 < 0, pad1: 0, pad2: arr1[u32(0)].pad2, pad3: arr1[0].f1.pad4, pad4: u8(u64(ctx.raw.ingress_ifindex)), pad5: 0, pad6: u8(0 >= 0) / arr1[0].f1.pad4 }, f2: cfg1.opt1, f3: u16(arr1[0].f2), f4: c2 != null, pad1: 0, pad2: 0, pad3: arr1[0].f1.pad4 }, { f1: { f3: (arr1[u32(0)].f2 + arr1[u8(0)].f1.f3) - (arr1[0].f1.f3 - arr1[u8(0)].f1.f3), f5: ktimeNs(), f1: arr1[n3 % 5].f4, f2: [], f4: arr1[0].f1.f4, pad1: arr1[arr1[n3 & 2].f1.f5 % 5].f1.f2[0], pad2: 0, pad3: arr1[0].f1.pad5, pad4: arr1[0].f1.f2[arr1[(106 | n3) % 5].f1.pad3 % 8], pad5: arr1[0].f1.pad2, pad6: arr1[u16(0)].pad3 }, f2: cfg1.opt1, f3: arr1[0].f1.pad3, f4: 0 != n3, pad1: arr1[(u8(5) >> n1) & 2].pad1, pad2: 0, pad3: 0 }, MapUpdate.Any);
    return XdpAction.Redirect;
  }
}
