// Names must denote something a BPF program has; only local lets can be assigned; values must have the expected type.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    xdp({}); //! TSBPF1113
    const s = Symbol; //! TSBPF1114
    ctx = ctx; //! TSBPF1115
    const v: u32 = XdpAction.Drop; //! TSBPF1111
    return XdpAction.Pass;
  }
}
