// tsbpf fuzz regression: verifier: invalid access to packet
// Found by seed 3333, program 80 (small), shrunk; make fuzz SEED=3333 ONLY=80 finds the original.
// invalid access to packet, off=8 size=4, R2(id=1,off=8,r=0)
const cfg1 = config({ flag1: false, opt2: u32(0), opt3: u8(0), opt4: u32(0) });
const map2 = new PerCpuArray<u8>(64);
export class Probe1 {
  @xdp
  static prog1(ctx: XdpContext): XdpAction {
    const c1 = ctx.packet().vxlan()?.payload();
    if (!c1) {
      return false ? XdpAction.Redirect : XdpAction.Redirect;
    }
    const ref1 = map2.get(c1.u32(cfg1.opt2 % 200));
    return XdpAction.Tx;
  }
}
