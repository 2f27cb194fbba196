// `>>>` is JavaScript-only.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const x: u32 = 8;
    const r = x >>> 1; //! TSBPF1107
    return XdpAction.Pass;
  }
}
