// A program's name is its ELF symbol and BTF name: a plain C identifier that is not a keyword or a runtime name.
export class P {
  @xdp
  static int(ctx: XdpContext): XdpAction { //! TSBPF1024
    return XdpAction.Pass;
  }
  @xdp
  static $drop(ctx: XdpContext): XdpAction { //! TSBPF1024
    return XdpAction.Drop;
  }
  @xdp
  static generic<T>(ctx: XdpContext): XdpAction { //! TSBPF1016
    return XdpAction.Drop;
  }
}
