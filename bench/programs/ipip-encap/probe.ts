// Encapsulates IPv4 packets to 10.0.0.2 (untagged frames) in an outer IPv4 header (IP-in-IP) and sends them back out; everything else passes.
const TARGET: u32 = 0x0a000002; // 10.0.0.2
const OUTER_SRC: u32 = 0xc0a80001; // 192.168.0.1
const OUTER_DST: u32 = 0xc0a80002; // 192.168.0.2
const IPV4_HLEN = 20;

export class IpipEncap {
  @xdp
  static ipipEncap(ctx: XdpContext): XdpAction {
    const eth = ctx.eth();
    const ip = eth?.ipv4();
    if (!eth || !ip || eth.vlanCount != 0 || ip.daddr != TARGET) return XdpAction.Pass;
    const totalLength: u16 = ip.totalLength + IPV4_HLEN;
    const check = csumFold(0x4500 + u32(totalLength) + 0x4004 + (OUTER_SRC >> 16) + (OUTER_SRC & 0xffff) + (OUTER_DST >> 16) + (OUTER_DST & 0xffff));
    if (!ctx.adjustHead(-IPV4_HLEN)) return XdpAction.Drop;

    // The Ethernet header moves to the new front; the outer IPv4 header goes between it and the inner one.
    const p = ctx.packet();
    p.setU64(0, p.u64(IPV4_HLEN));
    p.setU32(8, p.u32(IPV4_HLEN + 8));
    p.setU16(12, 0x0800);
    p.setU32(14, 0x45000000 | u32(totalLength)); // version 4, IHL 5, TOS 0, total length
    p.setU32(18, 0); // id, flags, fragment offset
    p.setU32(22, 0x40040000 | u32(check)); // TTL 64, protocol 4 (IP-in-IP), header checksum
    p.setU32(26, OUTER_SRC);
    p.setU32(30, OUTER_DST);
    return XdpAction.Tx;
  }
}
