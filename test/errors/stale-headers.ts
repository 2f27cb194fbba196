// Headers taken before ctx.adjustHead/adjustTail/adjustMeta point at stale bytes: using them afterwards is an error.
function shrink(ctx: XdpContext): bool {
  return ctx.adjustTail(-4); //! TSBPF1046
}

export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const eth = ctx.eth();
    if (!eth) return XdpAction.Pass;
    const before = eth.etherType;
    if (!ctx.adjustHead(14)) return XdpAction.Aborted;
    const after = eth.etherType; //! TSBPF1051
    const fresh = ctx.eth();
    return fresh && fresh.etherType == before ? XdpAction.Drop : XdpAction.Pass;
  }

  @xdp
  static loop(ctx: XdpContext): XdpAction {
    const ip = ctx.eth()?.ipv4();
    if (!ip) return XdpAction.Pass;
    for (let i = 0; i < 2; i++) {
      if (ip.ttl > 1) return XdpAction.Drop; //! TSBPF1051
      ctx.adjustTail(-1);
    }
    return XdpAction.Pass;
  }
}
