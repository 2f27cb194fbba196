// FixedArray: a literal length, indices proven below it, and no copies of a bare array.
function first(a: FixedArray<u8, 4>): u8 { //! TSBPF1040
  return 0;
}
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Pass;
    let huge: FixedArray<u8, 100000> = []; //! TSBPF1038
    let a: FixedArray<u8, 4> = [1, 2, 3, 4, 5]; //! TSBPF1038
    let b: FixedArray<u8, 4> = [1, 2];
    const x = b[tcp.dport]; //! TSBPF1039
    const y = b[4]; //! TSBPF1039
    for (const i of range(0, 5)) b[i] = 1; //! TSBPF1039
    let c: FixedArray<u8, 4> = b; //! TSBPF1040
    return XdpAction.Pass;
  }
}
