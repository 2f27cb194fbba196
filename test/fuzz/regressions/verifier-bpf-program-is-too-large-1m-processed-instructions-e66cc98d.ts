// tsbpf fuzz regression: verifier: BPF program is too large (1M processed instructions)
// Found by seed 20261303, program 3922 (medium), shrunk; make fuzz SEED=20261303 ONLY=3922 finds the original.
// a 256-trip counter compared with IPv6's extensionLength, which clang computes once before the loop: narrowed anew on every trip
/** @noinline */
function fn1(p1: bool, p2: u64, p3: bool): bool {
  return false;
}
export class Probe2 {
  @xdp({ onError: XdpAction.Aborted })
  static prog3(ctx: XdpContext): XdpAction {
    const ipv61 = ctx.eth()?.arp()?.payload()?.ipv6();
    if (!ipv61) {
      return false ? XdpAction.Aborted : redirect(0);
    }
    for (let ix1: u32 = 256; ix1 > 0; ix1--) {
      log.error("pkt proto=%u seen=%d hit=%x flow=%d x=%i port=%d", 0, 0, fn1(false, 0, ix1 != ipv61.extensionLength), i16(fn1(false, 0, u32(ctx.rxQueueIndex) <= 0)), 0, 0);
    }
    return XdpAction.Drop;
  }
}
