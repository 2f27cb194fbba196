// Structs with value semantics: interfaces and object type aliases, literals, nested fields, copies, parameters and results.
interface Ports {
  src: u16;
  dst: u16;
}
type Flow = { ports: Ports; proto: u8; syn: bool };

function flowOf(sport: u16, dport: u16, syn: bool): Flow {
  return { ports: { src: sport, dst: dport }, proto: 6, syn: syn };
}

function swapped(f: Flow): Flow {
  let g = f;
  g.ports = { src: f.ports.dst, dst: f.ports.src };
  return g;
}

export class Structs {
  @xdp
  static structs(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Pass;
    const f = flowOf(tcp.sport, tcp.dport, tcp.syn);
    let back = swapped(f);
    back.ports.dst += 1;
    const same = back.ports.src == f.ports.dst && back.ports.dst == f.ports.src + 1;
    return same && f.syn && back.proto == 6 ? XdpAction.Drop : XdpAction.Pass;
  }
}
