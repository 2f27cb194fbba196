// tsbpf fuzz regression: verifier: BPF program is too large (1M processed instructions)
// Found by seed 3333, program 902 (medium), shrunk; make fuzz SEED=3333 ONLY=902 finds the original.
// BPF program is too large: processed 1000001 instructions (limit 1000000)
const K1: u16 = 0;
const K2 = 0;
const cfg1 = config({ opt1: i16(0), opt2: i16(0), opt3: u8(K2) });
const map2 = new ArrayMap<u64>(64);
const map3 = new LruHashMap<i16, u64>(16);
function fn1(p1: u8, p2: u8): bool {
  return (p2 > K2) && (p1 > 1);
}
export class Probe1 {
  @xdp
  static prog1(ctx: XdpContext): XdpAction {
    if (((u32(ctx.raw.ingress_ifindex) > 12) ? u32(6) : 13) >= ctx.ingressIfindex) {
      return XdpAction.Tx;
    }
    const n1: u16 = 11;
    const gre1 = ctx.packet().ipv4()?.gre();
    for (const ix1 of range(6)) {
      const n2: u32 = u32((cfg1.opt2 & 107) - i16(u64(ctx.ingressIfindex)));
      const ethernet1 = ctx.eth()?.payload()?.vxlan()?.eth();
      const vxlan1 = ctx.eth()?.ipv6()?.udp()?.vxlan();
      log.info("pkt port=%i port=%i 100%%", i16(i64(cfg1.opt2)), ethernet1 != null);
    }
    let ipv61 = ctx.packet().ipv6();
    if (!ipv61) {
      return XdpAction.Pass;
    }
    return (!fn1(ipv61.l4Protocol, cfg1.opt3)) ? XdpAction.Aborted : XdpAction.Pass;
  }
}
