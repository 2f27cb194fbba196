// icmp-echo: ICMP and ICMPv6 (extension headers walked) echo requests rewritten into replies, checksums updated, XDP_TX.
import { eth, IpProto, padTo, truncate, type Packet } from "../../../compiler/testing/index.js";
import type { BenchCase } from "../../case.js";

const ping = eth().ipv4().icmp({ type: 8, id: 0x1234, seq: 7 }).payload("abcdefghijklmnop").build();
const ping6 = eth().ipv6().icmpv6({ type: 128, id: 0x4321, seq: 9 }).payload("abcdefghijklmnop").build();
const chain = eth().ipv6().ipv6Ext({ type: 0 }).ipv6Ext({ type: 43, data: Buffer.alloc(14) }).icmpv6({ type: 128 }).payload("x").build();
const exts = (p: Packet, n: number): Packet => (n ? exts(p.ipv6Ext({ type: 60 }), n - 1) : p);

export default {
  name: "icmp-echo",
  description: "answers ICMP and ICMPv6 echo requests (extension headers walked, VLANs looked through): reply type, MAC and IP addresses swapped, checksums updated, XDP_TX",
  type: "xdp",
  program: { tsbpf: "icmpEcho", c: "icmp_echo" },
  packets: [
    { name: "IPv4 echo request", data: ping },
    { name: "IPv4 echo request, other addresses, 1000 bytes", data: eth({ src: "0a:1b:2c:3d:4e:5f", dst: "f0:e1:d2:c3:b4:a5" }).ipv4({ src: "198.51.100.7", dst: "203.0.113.200", ttl: 9 }).icmp({ type: 8, id: 0xffff, seq: 0xfffe }).payload(Buffer.alloc(1000, 0xa5)).build() },
    { name: "IPv4 echo request padded to 60", data: padTo(eth().ipv4().icmp({ type: 8 }).build(), 60) },
    { name: "IPv4 echo request, code 1", data: eth().ipv4().icmp({ type: 8, code: 1 }).build() },
    { name: "IPv4 echo request, wrong ICMP checksum", data: eth().ipv4().icmp({ type: 8, checksum: 0x1234 }).build() },
    { name: "IPv4 echo request, ICMP checksum 0xffff", data: eth().ipv4().icmp({ type: 8, checksum: 0xffff }).build() },
    { name: "IPv4 echo request with IP options", data: eth().ipv4({ options: Buffer.from([1, 1, 1, 0, 1, 1, 1, 0]) }).icmp({ type: 8 }).payload("opt").build() },
    { name: "VLAN, IPv4 echo request", data: eth().vlan(10).ipv4().icmp({ type: 8 }).build() },
    { name: "QinQ, IPv4 echo request", data: eth().vlan(10).vlan(20).ipv4().icmp({ type: 8 }).build() },
    { name: "three VLAN tags, IPv4 echo request", data: eth().vlan(1).vlan(2).vlan(3).ipv4().icmp({ type: 8 }).build() },
    { name: "VLAN tag cut short", data: truncate(eth().vlan(10).ipv4().icmp({ type: 8 }).build(), 16) },
    { name: "IPv4 echo reply", data: eth().ipv4().icmp({ type: 0 }).build() },
    { name: "IPv4 destination unreachable", data: eth().ipv4().icmp({ type: 3, code: 1 }).payload(Buffer.alloc(28)).build() },
    { name: "IPv4 ICMP type 128", data: eth().ipv4().icmp({ type: 128 }).build() },
    { name: "IPv4 first fragment, echo request", data: eth().ipv4({ moreFragments: true, id: 5 }).icmp({ type: 8 }).payload("part").build() },
    { name: "IPv4 later fragment, echo request at ICMP's place", data: eth().ipv4({ protocol: IpProto.ICMP, fragmentOffset: 2 }).icmp({ type: 8 }).build() },
    { name: "IPv4 echo request cut at 7 bytes", data: truncate(ping, 14 + 20 + 7) },
    { name: "IPv4 echo request, exactly 8 bytes", data: truncate(ping, 14 + 20 + 8) },
    { name: "IPv4 IHL 4", data: eth().ipv4({ ihl: 4 }).icmp({ type: 8 }).build() },
    { name: "IPv4 IHL 15, options cut", data: eth().ipv4({ ihl: 15 }).icmp({ type: 8 }).build() },
    { name: "IPv4 version 6", data: eth({ etherType: 0x0800 }).ipv4({ version: 6 }).icmp({ type: 8 }).build() },
    { name: "IPv4/UDP", data: eth().ipv4().udp().payload("abcd").build() },
    { name: "IPv4/ICMPv6 echo request", data: eth().ipv4().icmpv6({ type: 128 }).build() },
    { name: "IPv6 echo request", data: ping6 },
    { name: "IPv6 echo request padded to 100", data: padTo(eth().ipv6({ src: "2001:db8::1", dst: "2001:db8:ffff::2" }).icmpv6({ type: 128 }).build(), 100) },
    { name: "VLAN, IPv6 echo request", data: eth().vlan(10).ipv6().icmpv6({ type: 128 }).build() },
    { name: "QinQ, IPv6 echo request", data: eth().vlan(10).vlan(20).ipv6().icmpv6({ type: 128 }).build() },
    { name: "IPv6 hop-by-hop, routing, echo request", data: chain },
    { name: "IPv6 extension chain cut in its second header", data: truncate(chain, 14 + 40 + 8 + 4) },
    { name: "IPv6 extension chain whole, ICMPv6 cut", data: truncate(chain, chain.length - 2) },
    { name: "IPv6 AH, echo request", data: eth().ipv6().ipv6Ext({ type: 51 }).icmpv6({ type: 128 }).build() },
    { name: "IPv6 first fragment, echo request", data: eth().ipv6().ipv6Ext({ type: 44, moreFragments: true, id: 3 }).icmpv6({ type: 128 }).build() },
    { name: "IPv6 later fragment, echo request at ICMPv6's place", data: eth().ipv6().ipv6Ext({ type: 44, fragmentOffset: 3, id: 3 }).icmpv6({ type: 128 }).build() },
    { name: "IPv6 8 destination options, echo request", data: exts(eth().ipv6(), 8).icmpv6({ type: 128 }).build() },
    { name: "IPv6 9 destination options, echo request", data: exts(eth().ipv6(), 9).icmpv6({ type: 128 }).build() },
    { name: "IPv6 echo reply", data: eth().ipv6().icmpv6({ type: 129 }).build() },
    { name: "IPv6 neighbour solicitation", data: eth().ipv6().icmpv6({ type: 135 }).payload(Buffer.alloc(16)).build() },
    { name: "IPv6 ICMPv6 type 8", data: eth().ipv6().icmpv6({ type: 8 }).build() },
    { name: "IPv6 ICMP (protocol 1) echo request", data: eth().ipv6().icmp({ type: 8 }).build() },
    { name: "IPv6 echo request cut at 7 bytes", data: truncate(ping6, 14 + 40 + 7) },
    { name: "IPv6 cut at 39 bytes", data: truncate(ping6, 14 + 39) },
    { name: "IPv6 version 4", data: eth({ etherType: 0x86dd }).ipv6({ version: 4 }).icmpv6({ type: 128 }).build() },
    { name: "ARP", data: eth().arp().build() },
    { name: "bare Ethernet header", data: eth({ etherType: 0x0800 }).build() },
  ],
} satisfies BenchCase;
