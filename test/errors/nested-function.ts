// Functions are declared at module level, not inside programs.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    function inner(): u32 { return 1; } //! TSBPF1004
    return XdpAction.Pass;
  }
}
