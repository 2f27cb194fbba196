// trace() calls bpf_trace_printk, which the kernel refuses to programs whose license is not GPL-compatible: found at build time.
//!license Proprietary
function note(x: u32): void {
  trace("x=%u", x); //! TSBPF1055
}

export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    trace("ifindex %u", ctx.ingressIfindex); //! TSBPF1055
    note(1);
    return XdpAction.Pass;
  }
}
