// ipv6-ext-walk: ICMPv6 echo requests behind IPv6 extension chains of every kind, cut, too long or fragmented.
import { eth, padTo, truncate, type Packet } from "../../../compiler/testing/index.js";
import type { BenchCase } from "../../case.js";

const echo = eth().ipv6().icmpv6({ type: 128 }).payload("ping").build();
const mixed = eth().ipv6().ipv6Ext({ type: 0 }).ipv6Ext({ type: 60, data: Buffer.alloc(14) }).ipv6Ext({ type: 43, data: Buffer.alloc(38) })
  .ipv6Ext({ type: 44, moreFragments: true, id: 9 }).ipv6Ext({ type: 51 }).icmpv6({ type: 128 }).build();
const dstopts = (p: Packet, n: number): Packet => (n ? dstopts(p.ipv6Ext({ type: 60 }), n - 1) : p);

export default {
  name: "ipv6-ext-walk",
  description: "walks up to 8 IPv6 extension headers (VLANs looked through) and drops ICMPv6 echo requests",
  type: "xdp",
  program: { tsbpf: "ipv6ExtWalk", c: "ipv6_ext_walk" },
  packets: [
    { name: "ICMPv6 echo request", data: echo },
    { name: "ICMPv6 echo reply", data: eth().ipv6().icmpv6({ type: 129 }).payload("pong").build() },
    { name: "ICMPv6 neighbour solicitation", data: eth().ipv6().icmpv6({ type: 135 }).payload(Buffer.alloc(16)).build() },
    { name: "VLAN echo request", data: eth().vlan(5).ipv6().icmpv6({ type: 128 }).build() },
    { name: "QinQ echo request", data: eth().vlan(5).vlan(6).ipv6().icmpv6({ type: 128 }).build() },
    { name: "three VLAN tags echo request", data: eth().vlan(5).vlan(6).vlan(7).ipv6().icmpv6({ type: 128 }).build() },
    { name: "hop-by-hop/MLD report", data: eth().ipv6({ hopLimit: 1 }).ipv6Ext({ type: 0, data: Buffer.from("050200000100", "hex") }).icmpv6({ type: 143 }).payload(Buffer.alloc(20)).build() },
    { name: "hop-by-hop/echo request", data: eth().ipv6().ipv6Ext({ type: 0 }).icmpv6({ type: 128 }).build() },
    { name: "HBH, dstopts, routing, first fragment, AH/echo request", data: mixed },
    { name: "the same chain cut in the routing header", data: truncate(mixed, 14 + 40 + 8 + 16 + 20) },
    { name: "the same chain cut in the AH", data: truncate(mixed, mixed.length - 8 - 12) },
    { name: "the same chain, ICMPv6 cut at 7 bytes", data: truncate(mixed, mixed.length - 1) },
    { name: "AH with a long ICV/echo request", data: eth().ipv6().ipv6Ext({ type: 51, data: Buffer.alloc(30, 0xab) }).icmpv6({ type: 128 }).build() },
    { name: "later fragment/echo request", data: eth().ipv6().ipv6Ext({ type: 44, fragmentOffset: 1, id: 9 }).icmpv6({ type: 128 }).build() },
    { name: "8 destination options/echo request", data: dstopts(eth().ipv6(), 8).icmpv6({ type: 128 }).build() },
    { name: "9 destination options/echo request", data: dstopts(eth().ipv6(), 9).icmpv6({ type: 128 }).build() },
    { name: "destination options, no next header", data: eth().ipv6().ipv6Ext({ type: 60, nextHeader: 59 }).payload(Buffer.from([128, 0, 0, 0, 0, 0, 0, 0])).build() },
    { name: "ICMPv6 cut at 7 bytes", data: truncate(echo, 14 + 40 + 7) },
    { name: "IPv6 cut at 39 bytes", data: truncate(echo, 14 + 39) },
    { name: "IPv6 version 4", data: eth({ etherType: 0x86dd }).ipv6({ version: 4 }).icmpv6({ type: 128 }).build() },
    { name: "IPv6-in-IPv6 echo request", data: eth().ipv6().ipv6().icmpv6({ type: 128 }).build() },
    { name: "IPv6/UDP", data: eth().ipv6().udp({ dport: 53 }).payload("query").build() },
    { name: "IPv4/ICMP echo request, padded to 60", data: padTo(eth().ipv4().icmp({ type: 8 }).build(), 60) },
    { name: "ARP", data: eth().arp().build() },
  ],
} satisfies BenchCase;
