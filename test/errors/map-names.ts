// A map's name is its name in the object file: it must be a plain C name, not a runtime one.
const int = new ArrayMap<u64>(4); //! TSBPF1043
const p = new ArrayMap<u64>(4); //! TSBPF1043

export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    return XdpAction.Pass;
  }
}
