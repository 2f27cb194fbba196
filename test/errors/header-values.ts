// Header accessors are methods to call, not values; optional chaining stops at headers.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const eth = ctx.eth();
    if (!eth) return XdpAction.Pass;
    const m = eth.ipv4; //! TSBPF1117
    const ttl = eth.ipv4()?.ttl; //! TSBPF1106
    return XdpAction.Pass;
  }
}
