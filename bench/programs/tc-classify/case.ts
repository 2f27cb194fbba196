// tc-classify: a tc classifier parsing IPv4 and IPv6 (extension headers walked), counting protocols in an array map.
import { eth, IpProto, truncate } from "../../../compiler/testing/index.js";
import type { BenchCase } from "../../case.js";

const dns4 = eth().ipv4().udp({ dport: 53 }).payload("query").build();
const qinq = eth().vlan(10).vlan(20).ipv4().udp({ dport: 53 }).build();
/** The QinQ frame with a third 802.1Q tag, beyond the two looked through. */
const thirdTag = Buffer.concat([qinq.subarray(0, 20), Buffer.from([0x81, 0x00, 0x00, 30]), qinq.subarray(20)]);
const hopByHop = eth().ipv6().ipv6Ext({ type: 0 });
/** Eight destination options headers: the most an upper-layer accessor looks past. */
let eightExt = eth().ipv6();
for (let i = 0; i < 8; i++) eightExt = eightExt.ipv6Ext({ type: 60 });

export default {
  name: "tc-classify",
  description: "tc classifier: counts IPv4/IPv6 packets by protocol in an array map (IPv6 extension headers walked) and drops UDP to port 53",
  type: "classifier",
  program: { tsbpf: "tcClassify", c: "tc_classify" },
  packets: [
    { name: "IPv4/UDP to 53", data: dns4 },
    { name: "IPv4/UDP to 80", data: eth().ipv4().udp({ dport: 80 }).payload("data").build() },
    { name: "IPv4/UDP from 53", data: eth().ipv4().udp({ sport: 53, dport: 4000 }).build() },
    { name: "IPv4/TCP to 53", data: eth().ipv4().tcp({ dport: 53 }).build() },
    { name: "IPv4/ICMP", data: eth().ipv4().icmp({ type: 8 }).payload("ping").build() },
    { name: "IPv4/GRE", data: eth().ipv4().gre().ipv4().udp({ dport: 53 }).build() },
    { name: "IPv4 protocol 58", data: eth().ipv4({ protocol: IpProto.ICMPV6 }).payload("12345678").build() },
    { name: "IPv4 options, UDP to 53", data: eth().ipv4({ options: Buffer.from([1, 1, 1, 0]) }).udp({ dport: 53 }).build() },
    { name: "IPv4 first fragment, UDP to 53", data: eth().ipv4({ moreFragments: true }).udp({ dport: 53 }).build() },
    { name: "IPv4 non-first fragment, UDP to 53", data: eth().ipv4({ protocol: IpProto.UDP, fragmentOffset: 1 }).udp({ dport: 53 }).build() },
    { name: "IPv4 UDP header cut at 4 bytes", data: truncate(dns4, 14 + 20 + 4) },
    { name: "IPv4 IHL 4", data: eth().ipv4({ ihl: 4 }).udp({ dport: 53 }).build() },
    { name: "IPv4 IHL past the end", data: eth().ipv4({ ihl: 15 }).udp({ dport: 53 }).build() },
    { name: "VLAN IPv4 cut at 19 bytes", data: truncate(eth().vlan(10).ipv4().udp({ dport: 53 }).build(), 18 + 19) },
    { name: "VLAN IPv4/UDP to 53", data: eth().vlan(10).ipv4().udp({ dport: 53 }).build() },
    { name: "QinQ IPv4/UDP to 53", data: qinq },
    { name: "three VLAN tags", data: thirdTag },
    { name: "VLAN tag cut short", data: truncate(qinq, 16) },
    { name: "IPv6/UDP to 53", data: eth().ipv6().udp({ dport: 53 }).payload("query").build() },
    { name: "IPv6/UDP to 123", data: eth().ipv6().udp({ dport: 123 }).build() },
    { name: "IPv6/TCP", data: eth().ipv6().tcp({ dport: 443 }).build() },
    { name: "IPv6/ICMPv6", data: eth().ipv6().icmpv6({ type: 128 }).build() },
    { name: "IPv6 next header 1 (ICMP for IPv4)", data: eth().ipv6({ nextHeader: IpProto.ICMP }).payload("12345678").build() },
    { name: "IPv6 no next header", data: eth().ipv6({ nextHeader: IpProto.NONE }).build() },
    { name: "QinQ IPv6/UDP to 53", data: eth().vlan(10).vlan(20).ipv6().udp({ dport: 53 }).build() },
    { name: "IPv6 hop-by-hop, UDP to 53", data: hopByHop.udp({ dport: 53 }).build() },
    { name: "IPv6 hop-by-hop (24 bytes), TCP", data: eth().ipv6().ipv6Ext({ type: 0, data: Buffer.alloc(22, 1) }).tcp().build() },
    { name: "IPv6 hop-by-hop, routing, destination options, UDP to 53", data: hopByHop.ipv6Ext({ type: 43, data: Buffer.alloc(14) }).ipv6Ext({ type: 60 }).udp({ dport: 53 }).build() },
    { name: "IPv6 AH, UDP to 53", data: eth().ipv6().ipv6Ext({ type: 51, data: Buffer.alloc(14, 2) }).udp({ dport: 53 }).build() },
    { name: "IPv6 first fragment, UDP to 53", data: eth().ipv6().ipv6Ext({ type: 44, moreFragments: true }).udp({ dport: 53 }).build() },
    { name: "IPv6 non-first fragment, UDP to 53", data: eth().ipv6().ipv6Ext({ type: 44, fragmentOffset: 10, nextHeader: IpProto.UDP }).udp({ dport: 53 }).build() },
    { name: "IPv6 eight extension headers, UDP to 53", data: eightExt.udp({ dport: 53 }).build() },
    { name: "IPv6 nine extension headers, UDP to 53", data: eightExt.ipv6Ext({ type: 60 }).udp({ dport: 53 }).build() },
    { name: "IPv6 extension header cut short", data: truncate(hopByHop.udp({ dport: 53 }).build(), 14 + 40 + 6) },
    { name: "IPv6 extension header longer than the packet", data: truncate(eth().ipv6().ipv6Ext({ type: 0, data: Buffer.alloc(30) }).udp({ dport: 53 }).build(), 14 + 40 + 16) },
    { name: "IPv6 chain ending at the packet's end, UDP announced", data: truncate(hopByHop.udp({ dport: 53 }).build(), 14 + 40 + 8) },
    { name: "IPv6 UDP header cut at 6 bytes", data: truncate(hopByHop.udp({ dport: 53 }).build(), 14 + 40 + 8 + 6) },
    { name: "IPv6 version 4", data: eth().ipv6({ version: 4 }).udp({ dport: 53 }).build() },
    { name: "VLAN IPv6 cut at 39 bytes", data: truncate(eth().vlan(10).ipv6().udp({ dport: 53 }).build(), 18 + 39) },
    { name: "ARP", data: eth().arp().build() },
    { name: "bare VLAN-tagged Ethernet header", data: eth({ vlans: [10], etherType: 0x86dd }).build() },
  ],
  // The kernel's test runs refuse an untagged IPv4 or IPv6 frame cut inside its IP header: those cuts are made behind a VLAN tag.
  maps: [{ tsbpf: "protocols", c: "protocols" }],
} satisfies BenchCase;
