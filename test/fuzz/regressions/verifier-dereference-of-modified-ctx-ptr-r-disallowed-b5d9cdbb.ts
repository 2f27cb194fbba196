// tsbpf fuzz regression: verifier: dereference of modified ctx ptr R? disallowed
// Found by seed 3333, program 1369 (small), shrunk; make fuzz SEED=3333 ONLY=1369 finds the original.
// dereference of modified ctx ptr R6 off=4 disallowed
type S1 = { f3: u16 };
export class Probe1 {
  @tc
  static prog1(ctx: TcContext): TcAction {
    const n1 = bootNs();
    let s1: S1 = { f3: csumReplace32(0, (n1 >= 10) ? u32(ctx.raw.pkt_type) : ctx.len, 0) };
    log.error("ttl id=%x hit=%d ttl=%x", 0, csumReplace16(0, 0, s1.f3), 0);
    return TcAction.Redirect;
  }
}
