// Struct fields are required integers, bools, enums or structs; literals give every field once.
interface Bad {
  hdr: Tcp; //! TSBPF1036
  port?: u16; //! TSBPF1036
}
interface Pair {
  a: u16;
  b: u16;
}
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const loose = { a: 1, b: 2 }; //! TSBPF1012
    return XdpAction.Pass;
  }
}
