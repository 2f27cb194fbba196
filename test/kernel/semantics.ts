// One program per integer rule; each returns Pass when the compiled code computes what the language promises.
// Run on a TCP/IPv4 packet with sport 0xfff0, dport 0x1234, seq 0x80000001, ack 0xfffffffe, SYN only, urgent pointer 0.

function verdict(ok: bool): XdpAction {
  return ok ? XdpAction.Pass : XdpAction.Drop;
}

const ALL_ONES = u8(255);

const enum Service { Ssh = 22, Http = 80 }
enum Mark { None, Seen, Blocked = 0x100 }

interface Ports {
  src: u16;
  dst: u16;
}
type Flow = { ports: Ports; syn: bool };
interface Window {
  counts: FixedArray<u16, 8>;
  total: u32;
}

function swappedPorts(f: Flow): Flow {
  let g = f;
  g.ports = { src: f.ports.dst, dst: f.ports.src };
  return g;
}

function markFor(port: u16): Mark {
  switch (port) {
    case Service.Ssh:
      return Mark.Blocked;
    case Service.Http:
      return Mark.Seen;
    default:
      return Mark.None;
  }
}

function larger(a: u16, b: u16): u16 {
  return a > b ? a : b;
}

export class Semantics {
  @xdp
  static u8Wraps(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Aborted;
    return verdict(u8(tcp.dport) + 250 == 46);
  }

  @xdp
  static u16Wraps(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Aborted;
    return verdict(tcp.sport + 0x20 == 0x10);
  }

  @xdp
  static u32Wraps(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Aborted;
    return verdict(tcp.seq * 2 == 2 && -tcp.seq == 0x7fffffff);
  }

  @xdp
  static signedWraps(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Aborted;
    const s = i32(tcp.seq);
    return verdict(s < 0 && s - 1 == -2147483648 && s - 2 == 2147483647 && -s == 2147483647);
  }

  @xdp
  static divisionByZero(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Aborted;
    const zero = u32(tcp.urgentPointer);
    return verdict(tcp.seq / zero == 0 && tcp.seq % zero == tcp.seq && tcp.seq / 16 == 0x08000000);
  }

  @xdp
  static shifts(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Aborted;
    const one: u32 = 1;
    const unsignedShift = tcp.seq >> 28 == 8;
    const signedShift = i32(tcp.seq) >> 28 == -8;
    const masked = one << u32(tcp.dport) == 0x100000;
    const narrow = u8(tcp.sport) << 4 == 0;
    return verdict(unsignedShift && signedShift && masked && narrow);
  }

  @xdp
  static wide(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Aborted;
    const both: u64 = (u64(tcp.ackSeq) << 32) | tcp.seq;
    return verdict(both == 0xfffffffe80000001 && both / 0x100000000 == 0xfffffffe);
  }

  @xdp
  static conversions(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Aborted;
    const low = u8(tcp.sport);
    const signedLow = i8(tcp.sport);
    return verdict(low == 0xf0 && signedLow == -16 && i16(tcp.sport) == -16 && i64(signedLow) == -16 && u32(signedLow) == 0xfffffff0 && ~u8(tcp.dport) == 0xcb);
  }

  @xdp
  static flagsAndHelpers(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Aborted;
    let flags: u8 = 0;
    if (tcp.syn) flags |= 1;
    if (tcp.ack) flags |= 2;
    return verdict(flags == 1 && larger(tcp.sport, tcp.dport) == 0xfff0 && tcp.dataOffset == 5);
  }

  @xdp
  static negationAndRanges(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Aborted;
    const x: u32 = tcp.seq;
    const twice: u32 = -(-x);
    let minusOne = tcp.syn ? -1 : 5;
    const sum: u64 = (tcp.syn ? 4000000000 : 1) + 4000000000;
    return verdict(twice == tcp.seq && minusOne < 0 && sum == 8000000000);
  }

  @xdp
  static typedConstantsAndProducts(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Aborted;
    let wrapped = ALL_ONES + 1;
    let b: u8 = ALL_ONES;
    b++;
    let c: u16 = 0;
    c--;
    return verdict(wrapped == 0 && b == 0 && c == 0xffff && tcp.sport * tcp.dport == 0xdcc0);
  }

  @xdp
  static loopsAndSwitch(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Aborted;
    let s: u32 = 0;
    for (const i of range(0, 10)) s = s + i;
    for (let j = 0; j < 4; j++) {
      if (j == 2) continue;
      s += j;
    }
    let k: u16 = 0;
    while (k < 100) {
      if (k == tcp.dport) break;
      k += 3;
    }
    let down: i32 = 0;
    for (let i: i32 = 10; i > 0; i -= 3) down = down + i;
    switch (tcp.dport) {
      case 22:
        s++;
        break;
      case 0x1234:
      case 443:
        s += 100;
      default:
        s--;
    }
    return verdict(s == 148 && k == 102 && down == 22);
  }

  @xdp
  static enumsAndSwitch(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Aborted;
    let m: Mark = markFor(tcp.dport);
    const none = m == Mark.None;
    m = markFor(22);
    return verdict(none && m == Mark.Blocked && u32(m) == 256 && markFor(80) != Mark.Blocked);
  }

  @xdp
  static structValues(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Aborted;
    const f: Flow = { ports: { src: tcp.sport, dst: tcp.dport }, syn: tcp.syn };
    let back = swappedPorts(f);
    back.ports.dst += 0x11;
    return verdict(f.ports.src == 0xfff0 && back.ports.src == 0x1234 && back.ports.dst == 0x1 && back.syn);
  }

  @xdp
  static fixedArrays(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Aborted;
    let squares: FixedArray<u32, 6> = [0, 1, 4];
    for (let i = 3; i < 6; i++) squares[i] = i * i;
    let w: Window = { counts: [], total: 0 };
    for (const i of range(0, 8)) w.counts[i] = u16(i) + 1;
    w.counts[tcp.dport % 8] += 100;
    for (const i of range(0, w.counts.length)) w.total += w.counts[i];
    return verdict(squares[5] == 25 && squares[2] == 4 && w.counts[4] == 105 && w.total == 136 && w.counts[tcp.sport & 7] == 1);
  }

  @xdp
  static control(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Aborted;
    return verdict(u8(tcp.sport) == 0xf1);
  }
}
