// Counts VXLAN packets per inner IPv4 TCP/UDP flow in a hash map; every packet passes.
interface FlowKey { saddr: u32; daddr: u32; sport: u16; dport: u16; protocol: u8; pad: FixedArray<u8, 3> }

const flows = new HashMap<FlowKey, u64>(4096);

export class VxlanFlowCount {
  @xdp
  static vxlanFlowCount(ctx: XdpContext): XdpAction {
    const inner = ctx.eth()?.ipv4()?.udp()?.vxlan()?.eth()?.ipv4();
    if (!inner) return XdpAction.Pass;
    const tcp = inner.tcp();
    if (tcp) {
      flows.increment({ saddr: inner.saddr, daddr: inner.daddr, sport: tcp.sport, dport: tcp.dport, protocol: 6, pad: [0, 0, 0] });
      return XdpAction.Pass;
    }
    const udp = inner.udp();
    if (udp) {
      flows.increment({ saddr: inner.saddr, daddr: inner.daddr, sport: udp.sport, dport: udp.dport, protocol: 17, pad: [0, 0, 0] });
    }
    return XdpAction.Pass;
  }
}
