// log.info/warn/error in a program and in a helper function: events decoded in user space with the manifest's formats.

function note(port: u16): void {
  log.warn("helper saw port %u (%x)", port, port);
}

export class Logging {
  @xdp
  static logged(ctx: XdpContext): XdpAction {
    const ip = ctx.eth()?.ipv4();
    const tcp = ip?.tcp();
    if (!ip || !tcp) {
      log.error("not TCP over IPv4");
      return XdpAction.Pass;
    }
    log.info("tcp %u -> %u ttl=%d", tcp.sport, tcp.dport, ip.ttl);
    const delta: i32 = i32(ip.ttl) - 100;
    log.info("delta %d hex %x 100%%", delta, delta);
    note(tcp.dport);
    log.error("eight %u %u %u %u %u %u %u %d", 1, 2, 3, 4, 5, 6, tcp.syn, i64(-9));
    return XdpAction.Drop;
  }
}
