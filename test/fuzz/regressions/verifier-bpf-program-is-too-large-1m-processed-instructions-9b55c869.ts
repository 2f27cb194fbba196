// tsbpf fuzz regression: verifier: BPF program is too large (1M processed instructions)
// Found by seed 2099658673, program 262 (medium), shrunk; make fuzz SEED=2099658673 ONLY=262 finds the original.
// 1M processed instructions with the VLAN tag tests as asm gotos to out-of-line tag code (not landed): Ethernet parses in nested loops beside IPv4 address writes
const K1 = 5;
const K2 = u16(2);
const cfg1 = config({ flag1: true, opt2: u8(16), flag3: false, opt4: i64(-9223372036854775808) });
const map1 = new RingBuf<u32>(16384);
const map3 = new ProgArray(2);
export class Probe1 {
  @xdp({ onError: XdpAction.Tx })
  static prog3(ctx: XdpContext): XdpAction {
    const bytes1 = ctx.packet().bytes(44, 1);
    if (ktimeNs() >= (1 + u64(K2))) {
      let gre1 = ctx.packet().gre();
      trace("port ttl=%u port=%d", 15, u16(u64(ctx.rxQueueIndex)));
      const gre2 = gre1?.ipv4()?.gre();
      trace("pkt");
      if (gre2 != null) {
        if (!gre1) {
          return XdpAction.Aborted;
        }
      }
    } else if ((!cfg1.flag1) || cfg1.flag1) {
      if (cfg1.flag3) {
        return XdpAction.Drop;
      }
      for (let ix1: u32 = 7; ix1 > 3; ix1 -= 1) {
        const n1: i64 = K1;
        for (const ix2 of range(3, 7)) {
          let n2: u8 = ~(cfg1.opt2 & bytes1[0]);
          let ipv41 = ctx.eth()?.payload()?.gre()?.ipv4();
          if (!ipv41) {
            continue;
          }
          ipv41.daddr &= u32(n1 - n1);
        }
      }
      for (const ix3 of range(5)) {
        const raw1: u64 = ctx.packet().u64(22);
      }
      for (let ix4: i32 = 2; ix4 < 3; ix4 = ix4 + 1) {
        map3.tailCall(ctx, randomU32());
        ctx.packet().setU8(20, K1);
        let ipv42 = ctx.packet().ipv6()?.ipip();
        if (!ipv42) {
          return ((bytes1[bytes1[u8(i8(12)) % 1] % 1] == bytes1[(bytes1[0] ^ u32(ctx.rxQueueIndex)) % 1]) || (bytes1[u32(ctx.rxQueueIndex) % 1] != cfg1.opt2)) ? XdpAction.Pass : XdpAction.Tx;
        }
      }
      if (cfg1.flag3) {
        const c1 = ctx.eth()?.arp()?.payload();
        if (c1 != null) {
          const bytes2 = c1.bytes(34, 7);
          let b1: bool = !(K2 == K1);
          const n3: i8 = K1;
        }
        map1.output((u32(ctx.ingressIfindex) != ctx.ingressIfindex) ? (ctx.raw.ingress_ifindex + u32(ctx.raw.rx_queue_index)) : (K2 % u32(ctx.rxQueueIndex)));
        map3.tailCall(ctx, csumReplace32(bytes1[u16(3) % 1] % K2, ~u32(ctx.rxQueueIndex), cpuId()));
      } else {
        const raw2: u64 = ctx.packet().u64((ctx.ingressIfindex & u32(ctx.raw.ingress_ifindex)) % 140);
      }
    } else if (u32(K2) >= 0) {
    }
    return XdpAction.Drop;
  }
}