// A path with more branches than the verifier keeps pending: 1,024 iterations of eight tests each.
export class Branches {
  @xdp
  static tests(ctx: XdpContext): XdpAction {
    let n: u32 = 0;
    for (const i of range(1024)) { //! TSBPF1091
      const x = ctx.ingressIfindex + i;
      if (x == 1) n += 1;
      if (x == 2) n += 2;
      if (x == 3) n += 3;
      if (x == 4) n += 4;
      if (x == 5) n += 5;
      if (x == 6) n += 6;
      if (x == 7) n += 7;
      if (x == 8) n += 8;
    }
    return n == 9 ? XdpAction.Drop : XdpAction.Pass;
  }
}
