// Decorator options: an explicit ELF section and the verdict for failed raw reads.
export class Options {
  @xdp({ section: "xdp.frags", onError: XdpAction.Drop })
  static fragments(ctx: XdpContext): XdpAction {
    return ctx.eth() ? XdpAction.Pass : XdpAction.Aborted;
  }
}
