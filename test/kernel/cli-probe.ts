// The probe the command-line tests load on a veth: drops TCP and UDP to a configurable port, counts what it sees, logs drops.
const counts = new ArrayMap<u64>(4);
const cfg = config({ blockedPort: u16(7777) });

export class CliProbe {
  @xdp
  static guard(ctx: XdpContext): XdpAction {
    const ip = ctx.eth()?.ipv4();
    if (!ip) return XdpAction.Pass;
    const icmp = ip.icmp();
    if (icmp && icmp.type == 8) counts.increment(2);
    const udp = ip.udp();
    const tcp = ip.tcp();
    const dport: u16 = udp ? udp.dport : tcp ? tcp.dport : 0;
    if (udp) counts.increment(1);
    if (tcp) counts.increment(0);
    if ((udp || tcp) && dport == cfg.blockedPort) {
      counts.increment(3);
      log.info("dropped a packet to port %u", dport);
      return XdpAction.Drop;
    }
    return XdpAction.Pass;
  }
}
