// Drops every well-formed IPv4 packet (VLAN-tagged or not) and lets everything else through.
export class DropIpv4 {
  @xdp
  static dropIpv4(ctx: XdpContext): XdpAction {
    const ip = ctx.eth()?.ipv4();
    if (ip) return XdpAction.Drop;
    return XdpAction.Pass;
  }
}
