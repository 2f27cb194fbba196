// tsbpf fuzz regression: verifier: math between pkt pointer and register with unbounded min value is not allowed
// Found by seed 3333, program 1123 (medium), shrunk; make fuzz SEED=3333 ONLY=1123 finds the original.
// math between pkt pointer and register with unbounded min value is not allowed
export class Probe1 {
  @xdp
  static prog1(ctx: XdpContext): XdpAction {
    ctx.packet().setU8(csumReplace16(0, 130, 0) / u32(ctx.ingressIfindex), 0);
    return XdpAction.Pass;
  }
}
