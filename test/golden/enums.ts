// The probe's own enums: constant members, an integer type underneath, usable in switch and comparisons.
const enum Service { Ssh = 22, Http = 80, Https = 443 }
enum Mark { None, Seen, Blocked = 0x100 }

function markFor(port: u16): Mark {
  switch (port) {
    case Service.Ssh:
      return Mark.Blocked;
    case Service.Http:
    case Service.Https:
      return Mark.Seen;
    default:
      return Mark.None;
  }
}

export class Enums {
  @xdp
  static enums(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Pass;
    const mark = markFor(tcp.dport);
    if (mark == Mark.Blocked) return XdpAction.Drop;
    return u32(mark) == 1 ? XdpAction.Tx : XdpAction.Pass;
  }
}
