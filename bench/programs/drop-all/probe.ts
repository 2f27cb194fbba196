// Drops every packet.
export class DropAll {
  @xdp
  static dropAll(ctx: XdpContext): XdpAction {
    return XdpAction.Drop;
  }
}
