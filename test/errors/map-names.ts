// A map's name is its name in the object file: a plain C name (a C keyword or library name is fine), not a runtime one.
const int = new ArrayMap<u64>(4);
const memcpy = new ArrayMap<u64>(4);
const tsbpf_log = new ArrayMap<u64>(4); //! TSBPF1043
const _license = new ArrayMap<u64>(4); //! TSBPF1043
const p = new ArrayMap<u64>(4); //! TSBPF1043

export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    return XdpAction.Pass;
  }
}
