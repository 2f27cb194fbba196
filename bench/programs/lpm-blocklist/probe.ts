// Drops IPv4 packets whose source address falls in a blocklisted prefix and counts the drops; everything else passes.
const blocklist = new LpmTrie<Ipv4Prefix, u8>(1024);
const dropped = new PerCpuArray<u64>(1);

export class LpmBlocklist {
  @xdp
  static lpmBlocklist(ctx: XdpContext): XdpAction {
    const ip = ctx.eth()?.ipv4();
    if (!ip) return XdpAction.Pass;
    if (!blocklist.get({ prefixLen: 32, addr: ip.saddr })) return XdpAction.Pass;
    dropped.increment(0);
    return XdpAction.Drop;
  }
}
