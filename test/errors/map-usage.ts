// Maps are used through their methods, with the right arguments; references are tested before use and held in a const.
const counts = new HashMap<u32, u64>(64);
const small = new HashMap<u32, u16>(64);
interface Pair { a: u32; b: u32 }
const flows = new HashMap<Pair, Pair>(64);
const ports = new DevMap(4);

export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const m = counts; //! TSBPF1045
    flows.increment({ a: 1, b: 2 }); //! TSBPF1046
    let r = counts.get(1); //! TSBPF1047
    small.increment(2); //! TSBPF1048
    const v = ports.redirect(0, XdpAction.Redirect); //! TSBPF1046
    return XdpAction.Pass;
  }
}
