// tsbpf fuzz regression: verifier: R? invalid mem access 'scalar'
// Found by seed 20261147, program 1832 (medium), shrunk; make fuzz SEED=20261147 ONLY=1832 finds the original.
// R5 invalid mem access 'scalar': the if's condition tested once per field of c1, the verifier took the pointer from one side and the flag from the other
/** @noinline */
function fn1(p1: i32, p2: i8, p3: bool, p4: bool, p5: i64): i64 {
  return 0;
}
export class Probe1 {
  @socketFilter
  static prog2(ctx: SkBuffContext): SocketAction {
    const vxlan1 = ctx.eth()?.arp()?.payload()?.vxlan();
    const raw1: u16 = ctx.packet().u16(0);
    let n1: u32 = raw1;
    let c1 = ctx.eth()?.arp()?.payload()?.udp()?.payload();
    if (u32(ctx.mark) <= n1) {
      c1 = vxlan1?.eth()?.ipv4()?.payload();
    }
    fn1(0, 0, false, false, fn1(0, 0, false, 0 > n1, 0));
    let c4 = c1?.tcp()?.options();
    return SocketAction.Accept;
  }
}
