// tc programs take a TcContext and return a TcAction; their onError is a TcAction.
export class Classifiers {
  @tc({ onError: TcAction.Shot, section: "classifier/x" })
  static ok(ctx: TcContext): TcAction {
    return ctx.mark == 1 ? TcAction.Shot : TcAction.Ok;
  }

  @tc({ onError: TcAction.Redirect, direction: 1 }) //! TS2353
  static unknownOption(ctx: TcContext): TcAction {
    return TcAction.Ok;
  }
}
