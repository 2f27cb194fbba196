// tsbpf fuzz regression: verifier: R? invalid mem access 'scalar'
// Found by seed 20261129, program 4644 (small), shrunk; make fuzz SEED=20261129 ONLY=4644 finds the original.
// R9 invalid mem access 'scalar' (a header's presence flag spilled with a 4-byte store beside a 4-byte map key)
const map2 = new PerCpuArray<u16>(1);
export class Probe1 {
  @tc
  static prog1(ctx: TcContext): TcAction {
    const c1 = ctx.eth()?.vlan(ctx.ifindex)?.payload();
    const ref1 = map2.get(0);
    for (const ix1 of range(3, 4)) {
      let arp1 = (c1 != null) ? c1.arp() : null;
      if (!arp1) {
        break;
      }
      trace("hit");
    }
    let n1: u32 = u32(ctx.mark) + (false ? 0 : ctx.ifindex);
    return TcAction.Pipe;
  }
}