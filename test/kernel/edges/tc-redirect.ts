// redirect() in a tc program: TcAction.Redirect on success, as a statement, a value and a result, also through a function.
function forward(ifindex: u32): TcAction {
  return redirect(ifindex);
}

export class Steer {
  @tc
  static steer(ctx: TcContext): TcAction {
    if (ctx.mark == 1) return forward(ctx.ifindex);
    if (ctx.mark == 2) {
      redirect(ctx.ifindex);
      return TcAction.Pipe;
    }
    const verdict: TcAction = redirect(ctx.ifindex, 0);
    const xdpLike: XdpAction = ctx.len > 10000 ? XdpAction.Drop : XdpAction.Pass;
    if (xdpLike == XdpAction.Drop) return TcAction.Shot;
    return verdict;
  }

  /** Issue 11's fourth reproducer, as it was written: it passed the checker and failed in clang. */
  @tc
  static reproducer(ctx: TcContext): TcAction {
    redirect(3);
    return TcAction.Ok;
  }
}
