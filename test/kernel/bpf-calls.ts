// BPF-to-BPF calls: functions marked @noinline stay functions of their own in the object; the kernel runs the calls.

/** Folds a port into a bucket; called from two programs and twice per run. @noinline */
function bucket(port: u16, buckets: u8): u8 {
  if (buckets == 0) return 0;
  return u8(port % u16(buckets));
}

/** @noinline */
function isHighPort(port: u16): bool {
  return port >= 1024;
}

/** @noinline */
function classify(sport: u16, dport: u16, secure: bool): XdpAction {
  if (secure && isHighPort(sport) && !isHighPort(dport)) return XdpAction.Pass;
  return XdpAction.Drop;
}

export class Calls {
  @xdp
  static buckets(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Aborted;
    // dport 0x1234 = 4660: 4660 % 7 = 5, 4660 % 0 → 0 by the function's own guard, sport 0xfff0 = 65520 % 10 = 0
    if (bucket(tcp.dport, 7) == 5 && bucket(tcp.dport, 0) == 0 && bucket(tcp.sport, 10) == 0) return XdpAction.Pass;
    return XdpAction.Drop;
  }

  @xdp
  static nested(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Aborted;
    return classify(tcp.sport, u16(tcp.dport & 0x3ff), bucket(tcp.dport, 2) == 0);
  }
}
