// tsbpf fuzz regression: verifier: R? invalid mem access 'scalar'
// Found by seed 20261132, program 1004, shrunk, with the result of tsbpf_fits compared by clang instead of hidden (an experiment towards fewer instructions, not landed): the hidden 0/1 is what keeps this verifying.
export class Probe1 {
  @socketFilter
  static prog1(ctx: SkBuffContext): SocketAction {
    const icmp1 = ctx.packet().icmp();
    let ipv61 = ctx.eth()?.ipv4()?.tcp()?.options()?.ipv6();
    let icmp2 = icmp1?.payload()?.arp()?.payload()?.icmp();
    return SocketAction.Accept;
  }
}
