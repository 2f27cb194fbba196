// A tc classifier for real traffic on a veth: counts ingress ICMP echo requests and UDP by port, and drops UDP to port 9999.
const counts = new ArrayMap<u64>(4);

export class Traffic {
  @tc
  static count(ctx: TcContext): TcAction {
    const ip = ctx.eth()?.ipv4();
    if (!ip) return TcAction.Ok;
    const icmp = ip.icmp();
    if (icmp && icmp.type == 8) {
      counts.increment(0); // echo request
      return TcAction.Ok;
    }
    const udp = ip.udp();
    if (!udp) return TcAction.Ok;
    if (udp.dport == 9999) {
      counts.increment(1);
      return TcAction.Shot;
    }
    counts.increment(2);
    return TcAction.Ok;
  }
}
