// Program names are ELF symbols and must be unique; a program takes the context; decorator options are known names with constant values.
export class A {
  @xdp
  static same(ctx: XdpContext): XdpAction {
    return XdpAction.Pass;
  }
  @xdp
  static noContext(): XdpAction { //! TSBPF1016
    return XdpAction.Pass;
  }
  @xdp({ ["section"]: "xdp.frags" }) //! TSBPF1019
  static misspelt(ctx: XdpContext): XdpAction {
    return XdpAction.Pass;
  }
  @xdp({ section: "xdp" + ".frags" }) //! TSBPF1032
  static computed(ctx: XdpContext): XdpAction {
    return XdpAction.Pass;
  }
}
export class B {
  @xdp
  static same(ctx: XdpContext): XdpAction { //! TSBPF1017
    return XdpAction.Pass;
  }
}
