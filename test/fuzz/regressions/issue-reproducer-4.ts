// Issue 11, reproducer 4: `redirect(3);` as a statement in a @tc program passes the checker, then clang fails with
// "cast to incomplete type 'enum xdp_action'".
export class Reproducer {
  @tc
  static redirectStatement(ctx: TcContext): TcAction {
    redirect(3);
    return TcAction.Ok;
  }
}
