// tsbpf fuzz regression: verifier: R? !read_ok
// Found by seed 20261136, program 1510 (medium), shrunk, with raw-access offsets left to clang when constant (reverted): the hidden offset is what keeps this verifying.
// R6 !read_ok
export class Probe1 {
  @xdp
  static prog1(ctx: XdpContext): XdpAction {
    let j1: u32 = 0;
    while (j1 < 1) {
      for (let ix1: u32 = 3; ix1 < 4; ix1 = ix1 + 1) {
        ctx.packet().setU16(0, 0);
        const ipv61 = ctx.eth()?.ipv4()?.ipv6in4();
        if (!ipv61) {
          break;
        }
        const ipv62 = ipv61.ipv6in6()?.ipv6in6();
      }
      j1++;
    }
    return XdpAction.Redirect;
  }
}
