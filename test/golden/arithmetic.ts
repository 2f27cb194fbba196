// Integer semantics made explicit in C: narrow wrap-around, signed arithmetic, shifts, BPF division, conversions.
export class Arithmetic {
  @xdp
  static arithmetic(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Pass;
    const port: u16 = tcp.dport;
    const low: u8 = u8(port);
    const sum = low + 250;
    let wide: u32 = port * 3 + tcp.seq;
    wide = wide / u32(low);
    wide %= 7;
    const signed: i32 = i32(port) - 70000;
    const negated = -signed;
    const shifted = port << (low & 3);
    const masked = ~low;
    const big: u64 = u64(tcp.ackSeq) << 32 | tcp.seq;
    if (sum == 4 && wide > 2 && negated != 0 && shifted >= 8 && masked < 200 && big / 16 != 0) return XdpAction.Drop;
    return low > 100 ? XdpAction.Pass : XdpAction.Tx;
  }
}
