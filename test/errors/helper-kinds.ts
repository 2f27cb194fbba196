// A helper only some program kinds' kernels offer: redirect() is for @xdp and @tc, not socket filters (directly or through a function).
const devices = new DevMap(4);

function forward(i: u32): TcAction {
  return redirect(i); //! TSBPF1054
}

export class P {
  @socketFilter
  static direct(ctx: SkBuffContext): SocketAction {
    redirect(3); //! TSBPF1054
    return SocketAction.Accept;
  }
  @socketFilter
  static through(ctx: SkBuffContext): SocketAction {
    forward(2);
    return SocketAction.Accept;
  }
  @tc
  static fine(ctx: TcContext): TcAction {
    devices.redirect(0); //! TSBPF1054
    return forward(2);
  }
}
