// Socket filters read a copy of the packet: header setters and raw writes are rejected there.
export class Filters {
  @socketFilter
  static f(ctx: SkBuffContext): SocketAction {
    const ip = ctx.eth()?.ipv4();
    if (!ip) return SocketAction.Drop;
    ip.ttl = 1; //! TSBPF1052
    ctx.packet().setU8(0, 1); //! TSBPF1052
    return SocketAction.Accept;
  }
}
