// tsbpf fuzz regression: verifier: R? invalid mem access 'scalar'
// Found by seed 3333, program 803 (small), shrunk; make fuzz SEED=3333 ONLY=803 finds the original.
// R4 invalid mem access 'scalar'
export class Probe1 {
  @xdp({ onError: XdpAction.Aborted })
  static prog1(ctx: XdpContext): XdpAction {
    const c2 = ctx.packet().eth()?.ipv6()?.udp()?.payload();
    const ipv61 = ctx.packet().geneve()?.ipv6();
    return redirect(ctx.ingressIfindex, 0);
  }
}
