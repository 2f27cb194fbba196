// `--x` has a value in TypeScript; tsbpf keeps it a statement.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    let n: u32 = 5;
    const m = --n; //! TSBPF1020
    return XdpAction.Pass;
  }
}
