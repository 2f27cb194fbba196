// Test packet crafting from the RFCs (Ethernet/802.1Q/802.1ad, IPv4, IPv6, TCP, UDP, ICMP, ARP, GRE, VXLAN, Geneve), byte by byte, with correct checksums.
import { encode } from "./encode.js";
import { foldVlans, type ArpOptions, type EthOptions, type GeneveOptions, type GreOptions, type IcmpOptions, type Ipv4Options, type Ipv6ExtOptions, type Ipv6Options, type Layer, type TcpOptions, type UdpOptions, type VlanTag, type VxlanOptions } from "./layers.js";

export * from "./addresses.js";
export * from "./checksums.js";
export { EtherType, IpProto, TcpFlags, UdpPort } from "./layers.js";
export type { ArpOptions, EthOptions, GeneveOptions, GreOptions, IcmpOptions, Ipv4Options, Ipv6ExtOptions, Ipv6Options, TcpOptions, UdpOptions, VlanTag, VxlanOptions } from "./layers.js";
export * from "./pcap.js";

/** An immutable stack of headers, outermost first; every method returns a new Packet, so a prefix can be shared. */
export class Packet {
  constructor(private readonly layers: readonly Layer[] = []) {}
  private with(layer: Layer): Packet { return new Packet([...this.layers, layer]); }
  eth(o: EthOptions = {}): Packet { return this.with({ kind: "eth", o }); }
  /** A VLAN tag on the Ethernet header just before: with two tags the outer one is 802.1ad (TPID 0x88a8) unless tpid is given. */
  vlan(tag: number | VlanTag): Packet {
    const last = this.layers[this.layers.length - 1];
    if (last?.kind !== "eth" && last?.kind !== "vlan") throw new Error(".vlan() must follow .eth() or another .vlan()");
    return this.with({ kind: "vlan", o: typeof tag === "number" ? { vid: tag } : tag });
  }
  ipv4(o: Ipv4Options = {}): Packet { return this.with({ kind: "ipv4", o }); }
  ipv6(o: Ipv6Options = {}): Packet { return this.with({ kind: "ipv6", o }); }
  ipv6Ext(o: Ipv6ExtOptions): Packet { return this.with({ kind: "ipv6ext", o }); }
  tcp(o: TcpOptions = {}): Packet { return this.with({ kind: "tcp", o }); }
  udp(o: UdpOptions = {}): Packet { return this.with({ kind: "udp", o }); }
  icmp(o: IcmpOptions = {}): Packet { return this.with({ kind: "icmp", o }); }
  icmpv6(o: IcmpOptions = {}): Packet { return this.with({ kind: "icmpv6", o }); }
  arp(o: ArpOptions = {}): Packet { return this.with({ kind: "arp", o }); }
  /** VXLAN (RFC 7348) after .udp(), whose dport then defaults to 4789. */
  vxlan(o: number | VxlanOptions): Packet { return this.with({ kind: "vxlan", o: typeof o === "number" ? { vni: o } : o }); }
  /** GRE (RFC 2784, RFC 2890) after .ipv4() or .ipv6() (IP protocol 47). */
  gre(o: GreOptions = {}): Packet { return this.with({ kind: "gre", o }); }
  /** Geneve (RFC 8926) after .udp(), whose dport then defaults to 6081. */
  geneve(o: number | GeneveOptions): Packet { return this.with({ kind: "geneve", o: typeof o === "number" ? { vni: o } : o }); }
  payload(data: Buffer | string): Packet { return this.with({ kind: "payload", data: Buffer.from(data) }); }

  /** Serialises innermost first, so lengths and checksums cover everything that follows. */
  build(): Buffer {
    const layers = foldVlans(this.layers);
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
