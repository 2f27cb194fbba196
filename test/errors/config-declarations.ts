// config() takes one object literal of typed constants.
const untyped = config({ port: 22 }); //! TSBPF1049
const reserved = config({ int: u8(1) }); //! TSBPF1049

export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    return XdpAction.Pass;
  }
}
