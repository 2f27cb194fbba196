// tsbpf fuzz regression: verifier: infinite loop detected at insn N
// Found by seed 20261180, program 1282 (medium), shrunk; make fuzz SEED=20261180 ONLY=1282 finds the original.
// infinite loop detected at insn 257
export class Probe1 {
  @xdp({ onError: XdpAction.Redirect })
  static prog1(ctx: XdpContext): XdpAction {
    const ipv41 = ctx.eth()?.ipv4();
    const c1 = ctx.eth()?.payload();
    let b2: bool = 0 > u32(ctx.raw.ingress_ifindex);
    const ipv42 = ipv41?.ipv6in4()?.ipip()?.ipip();
    if (!ipv42) {
      return XdpAction.Pass;
    }
    if (!c1) {
      return XdpAction.Drop;
    }
    let j1: u32 = 0;
    while (j1 < 1) {
      const n3: u16 = c1.u16((ctx.ingressIfindex | u32(ipv42.fragmentOffset)) % 38);
      if (b2) {
        break;
      }
      j1++;
    }
    return false ? redirect(0) : XdpAction.Tx;
  }
}
