// tsbpf fuzz regression: clang error: invalid lvalue in asm output
// Found by seed 753448882, program 29 (small), shrunk; make fuzz SEED=753448882 ONLY=29 finds the original.
const cfg1 = config({ opt1: i32(0) });
export class Probe1 {
  @xdp
  static prog1(ctx: XdpContext): XdpAction {
    const n2: i64 = false ? 0 : cfg1.opt1;
    return XdpAction.Redirect;
  }
}
