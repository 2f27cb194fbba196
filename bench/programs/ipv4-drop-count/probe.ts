// Drops every well-formed IPv4 packet (looking through up to two VLAN tags) and counts them; everything else passes.
const dropped = new PerCpuArray<u64>(1);

export class Ipv4DropCount {
  @xdp
  static ipv4DropCount(ctx: XdpContext): XdpAction {
    const ip = ctx.eth()?.ipv4();
    if (!ip) return XdpAction.Pass;
    dropped.increment(0);
    return XdpAction.Drop;
  }
}
