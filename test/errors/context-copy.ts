// The context is read and written field by field: ctx.raw as a whole cannot be copied.
export class Contexts {
  @tc
  static copy(ctx: TcContext): TcAction {
    const whole = ctx.raw; //! TSBPF1119
    return TcAction.Ok;
  }
}
