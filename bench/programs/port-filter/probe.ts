// Drops TCP and UDP traffic to one blocked port over IPv4 or IPv6 (VLANs looked through) and counts the drops; everything else passes.
const BLOCKED_PORT: u16 = 7777;

const dropped = new PerCpuArray<u64>(1);

function verdictFor(dport: u16): XdpAction {
  if (dport != BLOCKED_PORT) return XdpAction.Pass;
  dropped.increment(0);
  return XdpAction.Drop;
}

export class PortFilter {
  @xdp
  static portFilter(ctx: XdpContext): XdpAction {
    const eth = ctx.eth();
    if (!eth) return XdpAction.Pass;
    const ip4 = eth.ipv4();
    if (ip4) {
      const tcp = ip4.tcp();
      if (tcp) return verdictFor(tcp.dport);
      const udp = ip4.udp();
      if (udp) return verdictFor(udp.dport);
      return XdpAction.Pass;
    }
    const ip6 = eth.ipv6();
    const tcp6 = ip6?.tcp();
    if (tcp6) return verdictFor(tcp6.dport);
    const udp6 = ip6?.udp();
    if (udp6) return verdictFor(udp6.dport);
    return XdpAction.Pass;
  }
}
