// tsbpf fuzz regression: clang error: cast to incomplete type 'enum xdp_action'
// Found by seed 3333, program 812 (small), shrunk; make fuzz SEED=3333 ONLY=812 finds the original.
// error: cast to incomplete type 'enum xdp_action'
export class Probe1 {
  @tc
  static prog1(ctx: TcContext): TcAction {
    redirect(ctx.ifindex);
    return false ? TcAction.Ok : TcAction.Shot;
  }
}
