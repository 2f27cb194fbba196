// tsbpf fuzz regression: build diagnostic after check: TSBPF3004
// Found by seed 20261168, program 575 (medium), shrunk; make fuzz SEED=20261168 ONLY=575 finds the original.
// TSBPF3004: ctx.packet().bytes(i, 60) in a loop: clang loaded all 60 bytes of the copy into registers before storing them and spilled them past 512 bytes
const cfg1 = config({ opt1: i8(0), opt2: u8(0), opt3: i64(0) });
export class Probe1 {
  @xdp
  static prog2(ctx: XdpContext): XdpAction {
    for (const ix1 of range(1)) {
      const bytes1 = ctx.packet().bytes(ix1, 60);
      if (i32(cfg1.opt1) == cfg1.opt1) {
      }
      if ((0 == bytes1[u32(0)]) || false) {
      }
    }
    return XdpAction.Redirect;
  }
}