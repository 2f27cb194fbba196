// Drops IPv4/UDP packets to port 9999 whose payload starts with the magic "BAD!"; everything else passes.
const PORT: u16 = 9999;
const MAGIC: u32 = 0x42414421; // "BAD!"

export class PayloadMatch {
  @xdp
  static payloadMatch(ctx: XdpContext): XdpAction {
    const udp = ctx.eth()?.ipv4()?.udp();
    if (!udp || udp.dport != PORT) return XdpAction.Pass;
    const payload = udp.payload();
    if (payload.u32(0) == MAGIC) return XdpAction.Drop;
    return XdpAction.Pass;
  }
}
