// tsbpf fuzz regression: verifier: R? !read_ok
// Found by seed 20261141, program 1089 (medium), shrunk; make fuzz SEED=20261141 ONLY=1089 finds the original.
// R4 !read_ok
export class Probe1 {
  @xdp({ onError: XdpAction.Aborted })
  static prog1(ctx: XdpContext): XdpAction {
    let c1 = ctx.packet().eth()?.arp()?.payload();
    if (c1) {
      let arr1: FixedArray<u32, 1> = [];
      log.warn("id");
      if ((u32(ctx.rxQueueIndex) != 0) || false) {
        const raw1: u32 = ctx.packet().u32(0);
        if (raw1 <= 0) {
          const ipv42 = ctx.eth()?.ipv4();
          if (!ipv42) {
            return XdpAction.Aborted;
          }
          return XdpAction.Pass;
        }
      }
    }
    return XdpAction.Tx;
  }
}
