// tsbpf fuzz regression: verifier: program of this type cannot use helper bpf_redirect#N
// expect: rejected TSBPF1054 (redirect() is not offered to socket filters)
// Found by seed 3333, program 1360 (medium), shrunk; make fuzz SEED=3333 ONLY=1360 finds the original.
// program of this type cannot use helper bpf_redirect#23
const map4 = new DevMap(16);
export class Probe1 {
  @xdp
  static prog1(ctx: XdpContext): XdpAction {
    return false ? map4.redirect(0) : map4.redirect(0, XdpAction.Tx);
  }
  @socketFilter
  static prog2(ctx: SkBuffContext): SocketAction {
    redirect(0, 0);
    return SocketAction.Drop;
  }
}
