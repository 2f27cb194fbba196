// tsbpf fuzz regression: verifier: invalid access to packet
// Found by seed 4058972175, program 29 (medium), shrunk; make fuzz SEED=4058972175 ONLY=29 finds the original.
export class Probe1 {
  @xdp({ onError: XdpAction.Pass })
  static prog1(ctx: XdpContext): XdpAction {
    const tcp1 = ctx.eth()?.ipv6()?.icmpv6()?.payload()?.tcp();
    if (!tcp1) {
      return XdpAction.Tx;
    }
    let n1: u16 = tcp1.psh ? tcp1.dport : tcp1.sport;
    return XdpAction.Redirect;
  }
}
