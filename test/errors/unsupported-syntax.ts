// Constructs outside the subset that have no dedicated code get TSBPF1000; so do switch and labels.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    let v: u32 = 1;
    outer: for (let i = 0; i < 2; i++) { break outer; } //! TSBPF1000
    var old = 1; //! TSBPF1000
    return XdpAction.Pass;
  }
}
