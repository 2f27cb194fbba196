// Counts VXLAN packets per inner IPv4 TCP/UDP flow in a hash map; every packet passes.
interface FlowKey { saddr: u32; daddr: u32; sport: u16; dport: u16; protocol: u8; pad: FixedArray<u8, 3> }

const flows = new HashMap<FlowKey, u64>(4096);

export class VxlanFlowCount {
  @xdp
  static vxlanFlowCount(ctx: XdpContext): XdpAction {
    const inner = ctx.eth()?.ipv4()?.udp()?.vxlan()?.eth()?.ipv4();
    if (!inner) return XdpAction.Pass;
    let key: FlowKey = { saddr: inner.saddr, daddr: inner.daddr, sport: 0, dport: 0, protocol: inner.protocol, pad: [0, 0, 0] };
    const tcp = inner.tcp();
    if (tcp) {
      key.sport = tcp.sport;
      key.dport = tcp.dport;
    } else {
      const udp = inner.udp();
      if (!udp) return XdpAction.Pass;
      key.sport = udp.sport;
      key.dport = udp.dport;
    }
    flows.increment(key);
    return XdpAction.Pass;
  }
}
