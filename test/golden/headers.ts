// Header accessors: optional chaining, null tests, bool fields, choosing between headers.
export class Headers {
  @xdp
  static headers(ctx: XdpContext): XdpAction {
    const eth = ctx.eth();
    if (eth == null) return XdpAction.Aborted;
    if (eth.vlanCount == 2 && eth.etherType != 0x0800) return XdpAction.Drop;
    const v4 = eth.ipv4();
    const tcp = v4 !== null ? v4.tcp() : eth.ipv6()?.tcp();
    if (tcp && tcp.syn && !tcp.ack) return XdpAction.Drop;
    const udp = ctx.eth()?.ipv6()?.udp();
    if (udp == undefined) return XdpAction.Pass;
    return udp.length < 8 ? XdpAction.Drop : XdpAction.Pass;
  }
}
