// Each program kind sees the context fields the kernel lets it touch (socket filters write only cb; XDP has no egress_ifindex).
export class Contexts {
  @socketFilter
  static hidden(ctx: SkBuffContext): SocketAction {
    if (ctx.raw.tc_classid == 1) return SocketAction.Drop; //! TS2339
    ctx.raw.mark = 1; //! TS2540
    ctx.raw.cb[0] = 1;
    return SocketAction.Accept;
  }

  @xdp
  static egress(ctx: XdpContext): XdpAction {
    return ctx.raw.egress_ifindex == 2 ? XdpAction.Drop : XdpAction.Pass; //! TS2551
  }
}
