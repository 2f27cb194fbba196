// Map declarations: type arguments, key and value types, sizes.
interface Padded { a: u8; b: u32 }
const noTypes = new HashMap(16); //! TSBPF1042
const boolValue = new HashMap<u32, bool>(16); //! TSBPF1042
const zero = new ArrayMap<u64>(0); //! TSBPF1042
const ring = new RingBuf<u64>(5000); //! TSBPF1042
const tooBig = new HashMap<u32, u32>(0x100000000); //! TSBPF1042
const padded = new HashMap<Padded, u64>(16); //! TSBPF1044

export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    return XdpAction.Pass;
  }
}
