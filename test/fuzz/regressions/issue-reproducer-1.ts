// Issue 11, reproducer 1: a cursor read in a bounded loop; the verifier refused it with "R1 pointer arithmetic on pkt_end prohibited".
export class Reproducer {
  @xdp
  static cursorLoop(ctx: XdpContext): XdpAction {
    const udp = ctx.eth()?.ipv4()?.udp();
    if (!udp || udp.dport != 9999) return XdpAction.Pass;
    const p = udp.payload();
    let sum: u32 = 0;
    for (let i: u32 = 0; i < 4; i++) sum = (sum << 8) | p.u8(i);
    return sum == 0x42414421 ? XdpAction.Drop : XdpAction.Pass;
  }
}
