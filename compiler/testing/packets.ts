// Test packet crafting from the RFCs (Ethernet/802.1Q/802.1ad, IPv4, IPv6, TCP, UDP, ICMP, ARP, VXLAN), byte by byte, with correct checksums.
import { writeFileSync } from "node:fs";

export const EtherType = { IPV4: 0x0800, ARP: 0x0806, VLAN: 0x8100, QINQ: 0x88a8, IPV6: 0x86dd, EXPERIMENTAL: 0x88b5 } as const;
export const IpProto = { HOPOPT: 0, ICMP: 1, IPIP: 4, TCP: 6, UDP: 17, IPV6: 41, ROUTING: 43, FRAGMENT: 44, ICMPV6: 58, NONE: 59, DSTOPTS: 60, EXPERIMENTAL: 253 } as const;
export const TcpFlags = { FIN: 0x01, SYN: 0x02, RST: 0x04, PSH: 0x08, ACK: 0x10, URG: 0x20, ECE: 0x40, CWR: 0x80 } as const;

export type MacInput = string | Buffer; // "02:00:00:00:00:01" or 6 bytes
export type Ipv4Input = string | number | Buffer; // "10.0.0.1", a host-order u32, or 4 bytes
export type Ipv6Input = string | Buffer; // "fd00::1" or 16 bytes

export interface VlanTag { vid: number; pcp?: number; dei?: boolean; tpid?: number }
export interface EthOptions { dst?: MacInput; src?: MacInput; vlans?: (number | VlanTag)[]; etherType?: number }
export interface Ipv4Options {
  src?: Ipv4Input; dst?: Ipv4Input; protocol?: number; ttl?: number; tos?: number; id?: number;
  dontFragment?: boolean; moreFragments?: boolean; fragmentOffset?: number; // offset in 8-byte units (RFC 791)
  options?: Buffer; // zero-padded to a multiple of 4
  ihl?: number; totalLength?: number; checksum?: number; version?: number; // overrides, for malformed headers
}
export interface Ipv6Options {
  src?: Ipv6Input; dst?: Ipv6Input; nextHeader?: number; hopLimit?: number; trafficClass?: number; flowLabel?: number;
  payloadLength?: number; version?: number; // overrides
}
export interface Ipv6ExtOptions {
  type: 0 | 43 | 44 | 60; // hop-by-hop, routing, fragment, destination options (RFC 8200)
  nextHeader?: number;
  data?: Buffer; // for 0/43/60: the bytes after next-header and length, zero-padded to a multiple of 8 minus 2
  fragmentOffset?: number; moreFragments?: boolean; id?: number; // for 44
}
export interface TcpOptions {
  sport?: number; dport?: number; seq?: number; ack?: number; flags?: number; window?: number; urgent?: number;
  options?: Buffer; // zero-padded to a multiple of 4
  dataOffset?: number; checksum?: number; // overrides
}
export interface UdpOptions { sport?: number; dport?: number; length?: number; checksum?: number }
export interface IcmpOptions { type?: number; code?: number; id?: number; seq?: number; checksum?: number }
export interface ArpOptions { op?: number; senderMac?: MacInput; senderIp?: Ipv4Input; targetMac?: MacInput; targetIp?: Ipv4Input }
export interface VxlanOptions { vni: number }

/** Addresses used when a layer does not give its own. */
export const Defaults = {
  srcMac: "02:00:00:00:00:01", dstMac: "02:00:00:00:00:02",
  srcIpv4: "10.0.0.1", dstIpv4: "10.0.0.2", srcIpv6: "fd00::1", dstIpv6: "fd00::2",
} as const;

type Layer =
  | { kind: "eth"; o: EthOptions } | { kind: "ipv4"; o: Ipv4Options } | { kind: "ipv6"; o: Ipv6Options }
  | { kind: "ipv6ext"; o: Ipv6ExtOptions } | { kind: "tcp"; o: TcpOptions } | { kind: "udp"; o: UdpOptions }
  | { kind: "icmp"; o: IcmpOptions } | { kind: "icmpv6"; o: IcmpOptions } | { kind: "arp"; o: ArpOptions }
  | { kind: "vxlan"; o: VxlanOptions } | { kind: "payload"; data: Buffer };

/** Sum of 16-bit big-endian words, folded to 16 bits (one's complement addition); an odd last byte is padded with zero. */
export function onesComplementSum(...parts: Buffer[]): number {
  const buf = Buffer.concat(parts);
  let sum = 0;
  for (let i = 0; i + 1 < buf.length; i += 2) sum += buf.readUInt16BE(i);
  if (buf.length % 2) sum += buf[buf.length - 1]! << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return sum;
}

/** The Internet checksum (RFC 1071): the one's complement of the one's complement sum. */
export function internetChecksum(...parts: Buffer[]): number {
  return ~onesComplementSum(...parts) & 0xffff;
}

export function parseMac(mac: MacInput): Buffer {
  if (Buffer.isBuffer(mac)) return check(mac, 6, "MAC address");
  const bytes = mac.split(/[:-]/).map((h) => parseInt(h, 16));
  if (bytes.length !== 6 || bytes.some((b) => !(b >= 0 && b <= 255))) throw new Error(`bad MAC address: ${mac}`);
  return Buffer.from(bytes);
}

export function parseIpv4(addr: Ipv4Input): Buffer {
  if (Buffer.isBuffer(addr)) return check(addr, 4, "IPv4 address");
  const out = Buffer.alloc(4);
  if (typeof addr === "number") { out.writeUInt32BE(addr >>> 0); return out; }
  const parts = addr.split(".").map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) throw new Error(`bad IPv4 address: ${addr}`);
  return Buffer.from(parts);
}

export function parseIpv6(addr: Ipv6Input): Buffer {
  if (Buffer.isBuffer(addr)) return check(addr, 16, "IPv6 address");
  const halves = addr.split("::");
  if (halves.length > 2) throw new Error(`bad IPv6 address: ${addr}`);
  const groups = (s: string) => (s === "" ? [] : s.split(":"));
  const head = groups(halves[0]!), tail = halves.length === 2 ? groups(halves[1]!) : [];
  const fill = 8 - head.length - tail.length;
  if ((halves.length === 1 && fill !== 0) || (halves.length === 2 && fill < 1)) throw new Error(`bad IPv6 address: ${addr}`);
  const all = [...head, ...Array<string>(halves.length === 2 ? fill : 0).fill("0"), ...tail];
  const out = Buffer.alloc(16);
  all.forEach((g, i) => {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) throw new Error(`bad IPv6 address: ${addr}`);
    out.writeUInt16BE(parseInt(g, 16), i * 2);
  });
  return out;
}

function check(buf: Buffer, len: number, what: string): Buffer {
  if (buf.length !== len) throw new Error(`${what} must be ${len} bytes, got ${buf.length}`);
  return Buffer.from(buf);
}

function padToMultiple(buf: Buffer | undefined, multiple = 4): Buffer {
  const b = buf ?? Buffer.alloc(0);
  return b.length % multiple ? Buffer.concat([b, Buffer.alloc(multiple - (b.length % multiple))]) : Buffer.from(b);
}

/** What protocol number / EtherType announces `next` to the layer before it. */
function etherTypeOf(next: Layer | undefined): number {
  switch (next?.kind) {
    case "ipv4": return EtherType.IPV4;
    case "ipv6": return EtherType.IPV6;
    case "arp": return EtherType.ARP;
    default: return EtherType.EXPERIMENTAL;
  }
}

function ipProtoOf(next: Layer | undefined, none: number): number {
  switch (next?.kind) {
    case "tcp": return IpProto.TCP;
    case "udp": return IpProto.UDP;
    case "icmp": return IpProto.ICMP;
    case "icmpv6": return IpProto.ICMPV6;
    case "ipv4": return IpProto.IPIP;
    case "ipv6": return IpProto.IPV6;
    case "ipv6ext": return next.o.type;
    case undefined: return none;
    default: return IpProto.EXPERIMENTAL;
  }
}

/** The pseudo-header (RFC 793 / RFC 8200 section 8.1) of the nearest enclosing IP layer, or null outside IP. */
function pseudoHeader(layers: Layer[], index: number, proto: number, length: number): Buffer | null {
  for (let i = index - 1; i >= 0; i--) {
    const l = layers[i]!;
    if (l.kind === "ipv4") {
      const p = Buffer.alloc(12);
      parseIpv4(l.o.src ?? Defaults.srcIpv4).copy(p, 0);
      parseIpv4(l.o.dst ?? Defaults.dstIpv4).copy(p, 4);
      p[9] = proto;
      p.writeUInt16BE(length & 0xffff, 10);
      return p;
    }
    if (l.kind === "ipv6") {
      const p = Buffer.alloc(40);
      parseIpv6(l.o.src ?? Defaults.srcIpv6).copy(p, 0);
      parseIpv6(l.o.dst ?? Defaults.dstIpv6).copy(p, 16);
      p.writeUInt32BE(length, 32);
      p[39] = proto;
      return p;
    }
    if (l.kind !== "ipv6ext") return null;
  }
  return null;
}

function encode(layers: Layer[], i: number, payload: Buffer): Buffer {
  const layer = layers[i]!, next = layers[i + 1];
  switch (layer.kind) {
    case "payload": return Buffer.concat([layer.data, payload]);
    case "eth": {
      const o = layer.o, tags = o.vlans ?? [];
      if (tags.length > 2) throw new Error("at most two VLAN tags");
      const h = Buffer.alloc(14 + 4 * tags.length);
      parseMac(o.dst ?? Defaults.dstMac).copy(h, 0);
      parseMac(o.src ?? Defaults.srcMac).copy(h, 6);
      tags.forEach((t, n) => {
        const tag = typeof t === "number" ? { vid: t } : t;
        const tpid = tag.tpid ?? (tags.length === 2 && n === 0 ? EtherType.QINQ : EtherType.VLAN);
        h.writeUInt16BE(tpid, 12 + 4 * n);
        h.writeUInt16BE((((tag.pcp ?? 0) & 7) << 13) | (tag.dei ? 0x1000 : 0) | (tag.vid & 0xfff), 14 + 4 * n);
      });
      h.writeUInt16BE(o.etherType ?? etherTypeOf(next), 12 + 4 * tags.length);
      return Buffer.concat([h, payload]);
    }
    case "ipv4": {
      const o = layer.o, opts = padToMultiple(o.options), h = Buffer.alloc(20 + opts.length);
      h[0] = ((o.version ?? 4) << 4) | ((o.ihl ?? h.length / 4) & 0x0f);
      h[1] = o.tos ?? 0;
      h.writeUInt16BE(o.totalLength ?? (h.length + payload.length) & 0xffff, 2);
      h.writeUInt16BE(o.id ?? 0, 4);
      h.writeUInt16BE((o.dontFragment ? 0x4000 : 0) | (o.moreFragments ? 0x2000 : 0) | ((o.fragmentOffset ?? 0) & 0x1fff), 6);
      h[8] = o.ttl ?? 64;
      h[9] = o.protocol ?? ipProtoOf(next, IpProto.EXPERIMENTAL);
      parseIpv4(o.src ?? Defaults.srcIpv4).copy(h, 12);
      parseIpv4(o.dst ?? Defaults.dstIpv4).copy(h, 16);
      opts.copy(h, 20);
      h.writeUInt16BE(o.checksum ?? internetChecksum(h), 10); // over the header as written (RFC 791)
      return Buffer.concat([h, payload]);
    }
    case "ipv6": {
      const o = layer.o, h = Buffer.alloc(40);
      h.writeUInt32BE((((o.version ?? 6) & 0xf) << 28 | ((o.trafficClass ?? 0) & 0xff) << 20 | ((o.flowLabel ?? 0) & 0xfffff)) >>> 0, 0);
      h.writeUInt16BE(o.payloadLength ?? payload.length & 0xffff, 4);
      h[6] = o.nextHeader ?? ipProtoOf(next, IpProto.NONE);
      h[7] = o.hopLimit ?? 64;
      parseIpv6(o.src ?? Defaults.srcIpv6).copy(h, 8);
      parseIpv6(o.dst ?? Defaults.dstIpv6).copy(h, 24);
      return Buffer.concat([h, payload]);
    }
    case "ipv6ext": {
      const o = layer.o;
      if (o.type === IpProto.FRAGMENT) {
        const h = Buffer.alloc(8);
        h[0] = o.nextHeader ?? ipProtoOf(next, IpProto.NONE);
        h.writeUInt16BE((((o.fragmentOffset ?? 0) & 0x1fff) << 3) | (o.moreFragments ? 1 : 0), 2);
        h.writeUInt32BE((o.id ?? 0) >>> 0, 4);
        return Buffer.concat([h, payload]);
      }
      const body = padToMultiple(Buffer.concat([Buffer.alloc(2), o.data ?? Buffer.alloc(6)]), 8);
      body[0] = o.nextHeader ?? ipProtoOf(next, IpProto.NONE);
      body[1] = body.length / 8 - 1; // Hdr Ext Len: 8-octet units beyond the first 8
      return Buffer.concat([body, payload]);
    }
    case "tcp": {
      const o = layer.o, opts = padToMultiple(o.options), h = Buffer.alloc(20 + opts.length);
      h.writeUInt16BE(o.sport ?? 40000, 0);
      h.writeUInt16BE(o.dport ?? 80, 2);
      h.writeUInt32BE((o.seq ?? 0) >>> 0, 4);
      h.writeUInt32BE((o.ack ?? 0) >>> 0, 8);
      const flags = o.flags ?? TcpFlags.SYN;
      h[12] = (((o.dataOffset ?? h.length / 4) & 0xf) << 4) | ((flags >> 8) & 0x1);
      h[13] = flags & 0xff;
      h.writeUInt16BE(o.window ?? 65535, 14);
      h.writeUInt16BE(o.urgent ?? 0, 18);
      opts.copy(h, 20);
      const seg = Buffer.concat([h, payload]);
      const pseudo = pseudoHeader(layers, i, IpProto.TCP, seg.length);
      seg.writeUInt16BE(o.checksum ?? (pseudo ? internetChecksum(pseudo, seg) : 0), 16);
      return seg;
    }
    case "udp": {
      const o = layer.o, h = Buffer.alloc(8);
      h.writeUInt16BE(o.sport ?? 40000, 0);
      h.writeUInt16BE(o.dport ?? (next?.kind === "vxlan" ? 4789 : 80), 2);
      h.writeUInt16BE(o.length ?? (8 + payload.length) & 0xffff, 4);
      const seg = Buffer.concat([h, payload]);
      const pseudo = pseudoHeader(layers, i, IpProto.UDP, seg.length);
      const sum = pseudo ? internetChecksum(pseudo, seg) || 0xffff : 0; // 0 means "no checksum" (RFC 768)
      seg.writeUInt16BE(o.checksum ?? sum, 6);
      return seg;
    }
    case "icmp":
    case "icmpv6": {
      const o = layer.o, v6 = layer.kind === "icmpv6", h = Buffer.alloc(8);
      h[0] = o.type ?? (v6 ? 128 : 8); // echo request
      h[1] = o.code ?? 0;
      h.writeUInt16BE(o.id ?? 1, 4);
      h.writeUInt16BE(o.seq ?? 1, 6);
      const msg = Buffer.concat([h, payload]);
      const pseudo = v6 ? pseudoHeader(layers, i, IpProto.ICMPV6, msg.length) : null; // ICMPv6 covers a pseudo-header (RFC 4443)
      msg.writeUInt16BE(o.checksum ?? (pseudo ? internetChecksum(pseudo, msg) : internetChecksum(msg)), 2);
      return msg;
    }
    case "arp": {
      const o = layer.o, h = Buffer.alloc(28);
      h.writeUInt16BE(1, 0); // Ethernet
      h.writeUInt16BE(EtherType.IPV4, 2);
      h[4] = 6;
      h[5] = 4;
      h.writeUInt16BE(o.op ?? 1, 6); // 1 request, 2 reply (RFC 826)
      parseMac(o.senderMac ?? Defaults.srcMac).copy(h, 8);
      parseIpv4(o.senderIp ?? Defaults.srcIpv4).copy(h, 14);
      parseMac(o.targetMac ?? "00:00:00:00:00:00").copy(h, 18);
      parseIpv4(o.targetIp ?? Defaults.dstIpv4).copy(h, 24);
      return Buffer.concat([h, payload]);
    }
    case "vxlan": {
      const h = Buffer.alloc(8);
      h[0] = 0x08; // I flag: the VNI is valid (RFC 7348)
      h.writeUInt32BE(((layer.o.vni & 0xffffff) << 8) >>> 0, 4);
      return Buffer.concat([h, payload]);
    }
  }
}

/** An immutable stack of headers, outermost first; every method returns a new Packet, so a prefix can be shared. */
export class Packet {
  constructor(private readonly layers: readonly Layer[] = []) {}
  private with(layer: Layer): Packet { return new Packet([...this.layers, layer]); }
  eth(o: EthOptions = {}): Packet { return this.with({ kind: "eth", o }); }
  ipv4(o: Ipv4Options = {}): Packet { return this.with({ kind: "ipv4", o }); }
  ipv6(o: Ipv6Options = {}): Packet { return this.with({ kind: "ipv6", o }); }
  ipv6Ext(o: Ipv6ExtOptions): Packet { return this.with({ kind: "ipv6ext", o }); }
  tcp(o: TcpOptions = {}): Packet { return this.with({ kind: "tcp", o }); }
  udp(o: UdpOptions = {}): Packet { return this.with({ kind: "udp", o }); }
  icmp(o: IcmpOptions = {}): Packet { return this.with({ kind: "icmp", o }); }
  icmpv6(o: IcmpOptions = {}): Packet { return this.with({ kind: "icmpv6", o }); }
  arp(o: ArpOptions = {}): Packet { return this.with({ kind: "arp", o }); }
  vxlan(o: VxlanOptions): Packet { return this.with({ kind: "vxlan", o }); }
  payload(data: Buffer | string): Packet { return this.with({ kind: "payload", data: Buffer.from(data) }); }

  /** Serialises innermost first, so lengths and checksums cover everything that follows. */
  build(): Buffer {
    const layers = [...this.layers];
    let out: Buffer = Buffer.alloc(0);
    for (let i = layers.length - 1; i >= 0; i--) out = encode(layers, i, out);
    return out;
  }
}

export const eth = (o: EthOptions = {}): Packet => new Packet().eth(o);
export const ipv4 = (o: Ipv4Options = {}): Packet => new Packet().ipv4(o);
export const ipv6 = (o: Ipv6Options = {}): Packet => new Packet().ipv6(o);

/** The first n bytes of buf (a copy). */
export function truncate(buf: Buffer, n: number): Buffer {
  if (!Number.isInteger(n) || n < 0 || n > buf.length) throw new Error(`cannot truncate ${buf.length} bytes to ${n}`);
  return Buffer.from(buf.subarray(0, n));
}

/** buf followed by zero bytes up to n bytes (e.g. 60, the Ethernet minimum without FCS); longer buffers are copied unchanged. */
export function padTo(buf: Buffer, n: number): Buffer {
  return buf.length >= n ? Buffer.from(buf) : Buffer.concat([buf, Buffer.alloc(n - buf.length)]);
}

/** A classic pcap file (LINKTYPE_ETHERNET, microsecond timestamps) holding the frames, one second apart. */
export function pcap(frames: Buffer[]): Buffer {
  const global = Buffer.alloc(24);
  global.writeUInt32LE(0xa1b2c3d4, 0);
  global.writeUInt16LE(2, 4);
  global.writeUInt16LE(4, 6);
  global.writeUInt32LE(65535, 16);
  global.writeUInt32LE(1, 20);
  const records = frames.map((f, n) => {
    const r = Buffer.alloc(16);
    r.writeUInt32LE(1_700_000_000 + n, 0);
    r.writeUInt32LE(f.length, 8);
    r.writeUInt32LE(f.length, 12);
    return Buffer.concat([r, f]);
  });
  return Buffer.concat([global, ...records]);
}

export function writePcap(path: string, frames: Buffer[]): void {
  writeFileSync(path, pcap(frames));
}
