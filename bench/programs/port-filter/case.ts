// port-filter: TCP/UDP destination ports over IPv4 and IPv6 (extension headers walked), VLANs, and a per-CPU drop counter.
import { eth, padTo, truncate, type Packet } from "../../../compiler/testing/index.js";
import type { BenchCase } from "../../case.js";

const BLOCKED = 7777;
const tcp6 = eth().ipv6().tcp({ dport: BLOCKED }).build();
const chain = eth().ipv6().ipv6Ext({ type: 0 }).ipv6Ext({ type: 43, data: Buffer.alloc(14) }).udp({ dport: BLOCKED }).build();
const exts = (p: Packet, n: number): Packet => (n ? exts(p.ipv6Ext({ type: 60 }), n - 1) : p);

export default {
  name: "port-filter",
  description: "drops TCP and UDP to port 7777 over IPv4 or IPv6 (extension headers walked, VLANs looked through) and counts the drops",
  type: "xdp",
  program: { tsbpf: "portFilter", c: "port_filter" },
  packets: [
    { name: "IPv4/TCP to 7777", data: eth().ipv4().tcp({ dport: BLOCKED }).build() },
    { name: "IPv4/TCP to 80", data: eth().ipv4().tcp({ dport: 80 }).payload("GET /").build() },
    { name: "IPv4/UDP to 7777, padded to 60", data: padTo(eth().ipv4().udp({ dport: BLOCKED }).build(), 60) },
    { name: "IPv4/UDP from 7777", data: eth().ipv4().udp({ sport: BLOCKED, dport: 53 }).build() },
    { name: "IPv4/TCP with options to 7777", data: eth().ipv4({ options: Buffer.from([1, 1, 1, 0]) }).tcp({ dport: BLOCKED, options: Buffer.alloc(12, 1) }).build() },
    { name: "IPv4/TCP data offset 4", data: eth().ipv4().tcp({ dport: BLOCKED, dataOffset: 4 }).build() },
    { name: "IPv4/TCP data offset 15, options cut", data: eth().ipv4().tcp({ dport: BLOCKED, dataOffset: 15 }).build() },
    { name: "IPv4/TCP cut at 19 bytes", data: truncate(eth().ipv4().tcp({ dport: BLOCKED }).build(), 14 + 20 + 19) },
    { name: "IPv4/UDP cut at 7 bytes", data: truncate(eth().ipv4().udp({ dport: BLOCKED }).build(), 14 + 20 + 7) },
    { name: "IPv4 IHL 4", data: eth().ipv4({ ihl: 4 }).udp({ dport: BLOCKED }).build() },
    { name: "IPv4 IHL 15, options cut", data: eth().ipv4({ ihl: 15 }).udp({ dport: BLOCKED }).build() },
    { name: "IPv4 version 6", data: eth({ etherType: 0x0800 }).ipv4({ version: 6 }).udp({ dport: BLOCKED }).build() },
    { name: "IPv4 first fragment to 7777", data: eth().ipv4({ moreFragments: true }).udp({ dport: BLOCKED }).build() },
    { name: "IPv4 later fragment, 7777 at the port's place", data: eth().ipv4({ fragmentOffset: 185 }).udp({ dport: BLOCKED }).build() },
    { name: "IPv4/ICMP", data: eth().ipv4().icmp().build() },
    { name: "IPv4/GRE/IPv4/UDP to 7777", data: eth().ipv4().gre().ipv4().udp({ dport: BLOCKED }).build() },
    { name: "VLAN IPv4/UDP to 7777", data: eth().vlan(10).ipv4().udp({ dport: BLOCKED }).build() },
    { name: "QinQ IPv6/TCP to 7777", data: eth().vlan(10).vlan(20).ipv6().tcp({ dport: BLOCKED }).build() },
    { name: "three VLAN tags IPv4/TCP to 7777", data: eth().vlan(1).vlan(2).vlan(3).ipv4().tcp({ dport: BLOCKED }).build() },
    { name: "VLAN tag cut short", data: truncate(eth().vlan(10).ipv4().build(), 16) },
    { name: "ARP", data: eth().arp().build() },
    { name: "IPv6/TCP to 7777", data: tcp6 },
    { name: "IPv6/UDP to 443", data: eth().ipv6().udp({ dport: 443 }).payload("quic").build() },
    { name: "IPv6 version 4", data: eth({ etherType: 0x86dd }).ipv6({ version: 4 }).tcp({ dport: BLOCKED }).build() },
    { name: "IPv6 cut at 39 bytes", data: truncate(tcp6, 14 + 39) },
    { name: "IPv6 hop-by-hop, routing/UDP to 7777", data: chain },
    { name: "IPv6 extension chain cut in its second header", data: truncate(chain, 14 + 40 + 8 + 4) },
    { name: "IPv6 extension chain whole, UDP cut", data: truncate(chain, chain.length - 2) },
    { name: "IPv6 AH/TCP to 7777", data: eth().ipv6().ipv6Ext({ type: 51 }).tcp({ dport: BLOCKED }).build() },
    { name: "IPv6 first fragment/UDP to 7777", data: eth().ipv6().ipv6Ext({ type: 44, moreFragments: true, id: 7 }).udp({ dport: BLOCKED }).build() },
    { name: "IPv6 later fragment, 7777 at the port's place", data: eth().ipv6().ipv6Ext({ type: 44, fragmentOffset: 3, id: 7 }).udp({ dport: BLOCKED }).build() },
    { name: "IPv6 8 destination options/UDP to 7777", data: exts(eth().ipv6(), 8).udp({ dport: BLOCKED }).build() },
    { name: "IPv6 9 destination options/UDP to 7777", data: exts(eth().ipv6(), 9).udp({ dport: BLOCKED }).build() },
    { name: "IPv6 no next header", data: eth().ipv6().ipv6Ext({ type: 60, nextHeader: 59 }).payload(Buffer.alloc(8)).build() },
    { name: "IPv6/ICMPv6", data: eth().ipv6().icmpv6().build() },
  ],
  maps: [{ tsbpf: "dropped", c: "dropped" }],
} satisfies BenchCase;
