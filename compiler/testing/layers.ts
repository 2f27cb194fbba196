// The headers a test packet is stacked from: their protocol numbers, their options, and how a layer announces the next.
import type { Ipv4Input, Ipv6Input, MacInput } from "./addresses.js";

export const EtherType = { IPV4: 0x0800, ARP: 0x0806, VLAN: 0x8100, QINQ: 0x88a8, IPV6: 0x86dd, TEB: 0x6558, EXPERIMENTAL: 0x88b5 } as const;
export const IpProto = { HOPOPT: 0, ICMP: 1, IPIP: 4, TCP: 6, UDP: 17, IPV6: 41, ROUTING: 43, FRAGMENT: 44, GRE: 47, AH: 51, ICMPV6: 58, NONE: 59, DSTOPTS: 60, EXPERIMENTAL: 253 } as const;
export const TcpFlags = { FIN: 0x01, SYN: 0x02, RST: 0x04, PSH: 0x08, ACK: 0x10, URG: 0x20, ECE: 0x40, CWR: 0x80 } as const;
export const UdpPort = { VXLAN: 4789, GENEVE: 6081 } as const;

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
  type: 0 | 43 | 44 | 51 | 60; // hop-by-hop, routing, fragment, authentication (RFC 4302), destination options (RFC 8200)
  nextHeader?: number;
  // for 0/43/60: the bytes after next-header and length, zero-padded to a multiple of 8 minus 2;
  // for 51: the bytes after next-header and length (reserved, SPI, sequence, ICV), zero-padded likewise
  data?: Buffer;
  fragmentOffset?: number; moreFragments?: boolean; id?: number; // for 44
}
export interface TcpOptions {
  sport?: number; dport?: number; seq?: number; ack?: number; flags?: number; window?: number; urgent?: number;
  options?: Buffer; // zero-padded to a multiple of 4
  dataOffset?: number; checksum?: number; // overrides
}
/** dport defaults to 4789 before VXLAN, 6081 before Geneve, 80 otherwise; a computed checksum of 0 is sent as 0xffff. */
export interface UdpOptions { sport?: number; dport?: number; length?: number; checksum?: number }
export interface IcmpOptions { type?: number; code?: number; id?: number; seq?: number; checksum?: number }
export interface ArpOptions { op?: number; senderMac?: MacInput; senderIp?: Ipv4Input; targetMac?: MacInput; targetIp?: Ipv4Input }
export interface VxlanOptions { vni: number }
/** GRE (RFC 2784, RFC 2890): each optional field is present when given; protocolType defaults to the next layer's EtherType. */
export interface GreOptions { checksum?: boolean; key?: number; sequence?: number; protocolType?: number }
/** Geneve (RFC 8926): options are raw TLVs, a multiple of 4 bytes; protocolType defaults to the next layer's EtherType. */
export interface GeneveOptions { vni: number; options?: Buffer; oam?: boolean; critical?: boolean; protocolType?: number }

export type Layer =
  | { kind: "eth"; o: EthOptions } | { kind: "vlan"; o: VlanTag } | { kind: "ipv4"; o: Ipv4Options } | { kind: "ipv6"; o: Ipv6Options }
  | { kind: "ipv6ext"; o: Ipv6ExtOptions } | { kind: "tcp"; o: TcpOptions } | { kind: "udp"; o: UdpOptions }
  | { kind: "icmp"; o: IcmpOptions } | { kind: "icmpv6"; o: IcmpOptions } | { kind: "arp"; o: ArpOptions }
  | { kind: "vxlan"; o: VxlanOptions } | { kind: "gre"; o: GreOptions } | { kind: "geneve"; o: GeneveOptions }
  | { kind: "payload"; data: Buffer };

/** The EtherType that announces `next` (after Ethernet, in GRE and in Geneve); an Ethernet frame is Transparent Ethernet Bridging. */
export function etherTypeOf(next: Layer | undefined): number {
  switch (next?.kind) {
    case "ipv4": return EtherType.IPV4;
    case "ipv6": return EtherType.IPV6;
    case "arp": return EtherType.ARP;
    case "eth": return EtherType.TEB;
    default: return EtherType.EXPERIMENTAL;
  }
}

/** The IP protocol number (IPv4 protocol, IPv6 next header) that announces `next`; `none` when nothing follows. */
export function ipProtoOf(next: Layer | undefined, none: number): number {
  switch (next?.kind) {
    case "tcp": return IpProto.TCP;
    case "udp": return IpProto.UDP;
    case "icmp": return IpProto.ICMP;
    case "icmpv6": return IpProto.ICMPV6;
    case "ipv4": return IpProto.IPIP;
    case "ipv6": return IpProto.IPV6;
    case "gre": return IpProto.GRE;
    case "ipv6ext": return next.o.type;
    case undefined: return none;
    default: return IpProto.EXPERIMENTAL;
  }
}

/** The UDP destination port that announces `next`, or `otherwise`. */
export function udpPortOf(next: Layer | undefined, otherwise: number): number {
  return next?.kind === "vxlan" ? UdpPort.VXLAN : next?.kind === "geneve" ? UdpPort.GENEVE : otherwise;
}

/** The layers with every `.vlan()` folded into the tags of the Ethernet header before it. */
export function foldVlans(layers: readonly Layer[]): Layer[] {
  const out: Layer[] = [];
  for (const l of layers) {
    const prev = out[out.length - 1];
    if (l.kind !== "vlan") out.push(l);
    else if (prev?.kind === "eth") out[out.length - 1] = { kind: "eth", o: { ...prev.o, vlans: [...(prev.o.vlans ?? []), l.o] } };
    else throw new Error(".vlan() must follow .eth() or another .vlan()");
  }
  return out;
}
