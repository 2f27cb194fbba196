// tsbpf fuzz regression: build diagnostic after check: TSBPF3004
// expect: rejected TSBPF1058 (an address indexed at a variable index is copied to the stack, and a socket filter looks its frame copy up with a stack key: neither was counted)
// Found by seed 20261130, program 5525 (medium), shrunk; make fuzz SEED=20261130 ONLY=5525 finds the original.
interface S1 { f1: i64; f4: FixedArray<u16, 7>; pad3: u8 }
export class Probe1 {
  @socketFilter
  static prog2(ctx: SkBuffContext): SocketAction {
    const ipv61 = ctx.eth()?.ipv6();
    if (!ipv61) {
      return SocketAction.Drop;
    }
    const raw1: u64 = ipv61.payload().u64(0);
    let arr1: FixedArray<u64, 32> = [];
    const ipv62 = ctx.packet().udp()?.payload()?.geneve()?.ipv6();
    const n4: u16 = ipv61.payloadLength;
    if (!ipv62) {
      return SocketAction.Accept;
    }
    const raw2: u64 = ipv61.payload().u64(0);
    arr1[u8(0)] = 0;
    let s1: S1 = { f1: 0, f4: [], pad3: ipv62.daddr.bytes[0] };
    const vxlan1 = ctx.eth()?.payload()?.icmp()?.payload()?.vxlan();
    const ipv63 = ctx.eth()?.ipv6();
    if ((raw1 & raw2) > 0) {
      log.error("hit seen=%x val=%x id=%d id=%i flow=%u proto=%u", 0, 0, 0, s1.f4[(vxlan1 ? s1.pad3 : ipv61.daddr.bytes[u8(0)]) % 7], 0, ipv62.hopLimit);
      const raw3: u8 = ipv62.payload().u8(0);
      let ethernet1 = ctx.eth()?.payload()?.icmpv6()?.payload()?.eth();
      if (n4 != ctx.protocol) {
        const gre1 = (ipv63 != null) ? ipv63.gre() : null;
      }
    }
    return SocketAction.Drop;
  }
}
