// tsbpf fuzz regression: verifier: The sequence of N jumps is too complex
// expect: rejected TSBPF1091 (the kernel refuses it for its 8,193 pending branches; it was refused first for its steps, TSBPF1090, while a parse in a loop from a header declared before it was counted at trips², which it no longer costs)
// Found by seed 3333, program 286 (medium), shrunk; make fuzz SEED=3333 ONLY=286 finds the original.
// The sequence of 8193 jumps is too complex.
export class Probe1 {
  @xdp
  static prog1(ctx: XdpContext): XdpAction {
    let c1 = ctx.eth()?.payload();
    if (!c1) {
      return false ? redirect(0, 0) : XdpAction.Aborted;
    }
    let j1: u32 = 0;
    while (j1 < 1024) {
      const tcp1 = c1.ipv4()?.tcp();
      j1++;
    }
    return XdpAction.Drop;
  }
}
