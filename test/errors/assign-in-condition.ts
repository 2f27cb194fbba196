// An assignment inside a condition hides a write.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    let x: u32 = 0;
    if ((x = 3) == 3) return XdpAction.Drop; //! TSBPF1116
    return XdpAction.Pass;
  }
}
