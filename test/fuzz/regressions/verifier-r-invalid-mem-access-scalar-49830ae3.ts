// tsbpf fuzz regression: verifier: R? invalid mem access 'scalar'
// Found by seed 20261162, program 249 (medium), shrunk; make fuzz SEED=20261162 ONLY=249 finds the original.
// R2 invalid mem access 'scalar'
interface S1 { f3: u16; f1: FixedArray<u8, 2>; f2: u8 }
function fn1(): bool {
  return false;
}
export class Probe1 {
  @socketFilter
  static prog1(ctx: SkBuffContext): SocketAction {
    let n1: u16 = ctx.protocol;
    let b1: bool = fn1();
    let s1: S1 = { f3: n1, f1: [], f2: 0 };
    let arp1 = ctx.packet().vxlan()?.payload()?.arp();
    let b2: bool = ((arp1 == null) && b1) || (0 < s1.f2);
    let c2 = arp1?.payload()?.icmpv6()?.payload();
    const ipv61 = ctx.eth()?.arp()?.payload()?.ipv6();
    const ethernet1 = arp1?.payload()?.eth();
    const ipv41 = ctx.eth()?.ipv4()?.ipip();
    return SocketAction.Drop;
  }
}
