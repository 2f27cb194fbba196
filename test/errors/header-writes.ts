// Header fields computed from others are readonly in the runtime types: TypeScript rejects assigning them.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const eth = ctx.eth();
    const ip = eth?.ipv4();
    if (!eth || !ip) return XdpAction.Pass;
    ip.ttl = 3;
    ip.headerLength = 20; //! TS2540
    eth.etherType = 0x0800; //! TS2540
    return XdpAction.Pass;
  }
}
