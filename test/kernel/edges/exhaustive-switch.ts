// Functions whose last statement is a switch over every member of an enum: TypeScript knows every path returns, and C is told.
const enum Color { Red = 1, Green = 2 }
const out = new ArrayMap<u64>(4);

function verdictCode(e: XdpAction): u32 {
  switch (e) {
    case XdpAction.Aborted: return 10;
    case XdpAction.Drop: return 11;
    case XdpAction.Pass: return 12;
    case XdpAction.Tx: return 13;
    case XdpAction.Redirect: return 14;
  }
}

function shade(c: Color): u32 {
  switch (c) {
    case Color.Red: return 100;
    case Color.Green: return 200;
  }
}

export class Exhaustive {
  @xdp
  static exhaustive(ctx: XdpContext): XdpAction {
    const e: XdpAction = ctx.rxQueueIndex == 0 ? XdpAction.Pass : XdpAction.Drop;
    const c: Color = ctx.rxQueueIndex == 0 ? Color.Green : Color.Red;
    out.set(0, u64(verdictCode(e) + shade(c)));
    return XdpAction.Pass;
  }
}
