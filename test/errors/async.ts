// async functions and generators cannot run in the kernel.
async function later(): Promise<u32> { //! TSBPF1010
  return 1;
}
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    return XdpAction.Pass;
  }
}
