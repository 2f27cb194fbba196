// Module constants, helper functions, and user names that collide with C or with program symbols.
const LIMIT: u16 = 1024;
const SHIFT = 4;

function int(x: u16): u16 {
  return x >> SHIFT;
}

function filter(port: u16): bool {
  const register: u16 = int(port);
  return register < LIMIT;
}

function isLow(port: u16): bool {
  return port < LIMIT;
}

export class Names {
  @xdp
  static filter(ctx: XdpContext): XdpAction {
    const udp = ctx.eth()?.ipv4()?.udp();
    if (!udp) return XdpAction.Pass;
    if (filter(udp.dport) && isLow(udp.sport)) return XdpAction.Drop;
    return XdpAction.Pass;
  }
}
