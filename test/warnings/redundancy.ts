// The user's own redundancy: comparisons whose result is known and values assigned to themselves are warnings, and the build goes on.
interface Pair { a: u32; b: FixedArray<u8, 4> }
const LIMIT: u32 = 5;

export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    let x: u32 = ctx.ingressIfindex;
    let y: u32 = ctx.rxQueueIndex;
    let p: Pair = { a: x, b: [] };
    x = x; //! TSBPF1057
    p.a = p.a; //! TSBPF1057
    p.b[1] = (p.b[1]); //! TSBPF1057
    if (x == x) y = 1; //! TSBPF1056
    if (p.b[1] < p.b[1]) y = 2; //! TSBPF1056
    if (LIMIT >= LIMIT) y = 3; //! TSBPF1056
    if (ctx.ingressIfindex != ctx.ingressIfindex) y = 4; //! TSBPF1056
    if ((x & 2) == 1) y = 5; //! TSBPF1056
    if ((x | 2) != 1) y = 6; //! TSBPF1056
    if (y & x | 3) y = 7; //! TSBPF1056
    if (x < 5 && x > 10) y = 8; //! TSBPF1056
    if (x >= 5 || x < 10) y = 9; //! TSBPF1056
    if (x == 1 && x == 2) y = 10; //! TSBPF1056
    const v: XdpAction = x == 1 ? XdpAction.Drop : XdpAction.Pass;
    if (v == v) y = 11; //! TSBPF1056
    switch (v) {
      case XdpAction.Drop:
        y = 12;
    }
    switch (u32(0)) { //! TSBPF1056
      case 39:
        y = 16;
    }
    // not redundant: calls may differ, the ranges overlap, the bits can match
    if (randomU32() == randomU32()) y = 13;
    if (x > 5 && x < 10) y = 14;
    if ((x & 3) == 1) y = 15;
    return y == 15 ? XdpAction.Drop : XdpAction.Pass;
  }
}
