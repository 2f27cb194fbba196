// tsbpf fuzz regression: verifier: R? !read_ok
// Found by seed 20261142, program 1728 (medium), shrunk; make fuzz SEED=20261142 ONLY=1728 finds the original.
// R0 !read_ok
export class Probe2 {
  @xdp
  static prog3(ctx: XdpContext): XdpAction {
    let j1: u32 = 0;
    while (j1 < 1) {
      j1++;
      const ethernet1 = ctx.eth()?.payload()?.eth();
      if (ethernet1 == null) {
        break;
      }
      const ethernet2 = ethernet1.ipv4()?.options()?.geneve()?.eth();
      if (!ethernet2) {
        return XdpAction.Aborted;
      }
      let arr1: FixedArray<u32, 1> = [];
      for (const ix1 of range(1)) {
        const raw1: u16 = ctx.packet().u16(0);
        arr1[ix1] |= 0;
      }
    }
    return XdpAction.Drop;
  }
}
