// tsbpf fuzz regression: verifier: R? invalid mem access 'scalar'
// Found by seed 20261129, program 9963 (medium), shrunk; make fuzz SEED=20261129 ONLY=9963 finds the original.
// R8 invalid mem access 'scalar' (a header's presence flag spilled with a 4-byte store beside a 1-byte map key)
const map2 = new HashMap<i8, i16>(16);
export class Probe1 {
  @tc
  static prog1(ctx: TcContext): TcAction {
    const icmp1 = ctx.eth()?.payload()?.tcp()?.options()?.icmp();
    let ethernet1 = ctx.eth()?.payload()?.eth();
    if (ethernet1 == null) {
      return TcAction.Stolen;
    }
    map2.delete(0);
    ctx.packet().setU8(0, ethernet1.payload().u8(0));
    const c1 = icmp1?.payload()?.tcp()?.payload();
    return false ? TcAction.Redirect : TcAction.Reclassify;
  }
}