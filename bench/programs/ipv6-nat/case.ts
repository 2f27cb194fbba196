// ipv6-nat: an IPv6 source address rewritten with the upper layer's checksum kept, behind extension headers and VLANs.
import { eth, truncate } from "../../../compiler/testing/index.js";
import type { BenchCase } from "../../case.js";

const chain = eth().ipv6().ipv6Ext({ type: 0 }).ipv6Ext({ type: 60, data: Buffer.alloc(14) }).ipv6Ext({ type: 44, moreFragments: true, id: 7 });

export default {
  name: "ipv6-nat",
  description: "rewrites the IPv6 source address to fd00::1 (extension headers walked, VLANs looked through), keeping the TCP, UDP or ICMPv6 checksum, and returns XDP_TX",
  type: "xdp",
  program: { tsbpf: "ipv6Nat", c: "ipv6_nat" },
  packets: [
    { name: "IPv6/TCP", data: eth().ipv6().tcp({ dport: 80 }).payload("GET /").build() },
    { name: "IPv6/UDP", data: eth().ipv6().udp({ dport: 53 }).payload("query").build() },
    { name: "IPv6/UDP without a checksum", data: eth().ipv6().udp({ dport: 53, checksum: 0 }).payload("query").build() },
    { name: "IPv6/ICMPv6 echo request", data: eth().ipv6().icmpv6({ type: 128 }).payload("ping").build() },
    { name: "VLAN IPv6/TCP", data: eth().vlan(5).ipv6().tcp({ dport: 443 }).build() },
    { name: "QinQ IPv6/UDP", data: eth().vlan(5).vlan(6).ipv6().udp({ dport: 4789 }).payload("x").build() },
    { name: "HBH, dstopts, first fragment/TCP", data: chain.tcp({ dport: 22 }).build() },
    { name: "HBH, dstopts, first fragment/UDP", data: chain.udp({ dport: 123 }).payload("ntp").build() },
    { name: "later fragment/UDP (no upper-layer header)", data: eth().ipv6().ipv6Ext({ type: 44, fragmentOffset: 2, id: 7 }).udp({ dport: 53 }).build() },
    { name: "chain cut in the destination options", data: truncate(chain.tcp().build(), 14 + 40 + 8 + 10) },
    { name: "IPv6/no next header", data: eth().ipv6({ nextHeader: 59 }).payload(Buffer.alloc(8)).build() },
    { name: "IPv6 cut at 39 bytes", data: truncate(eth().ipv6().tcp().build(), 14 + 39) },
    { name: "IPv6 version 4", data: eth({ etherType: 0x86dd }).ipv6({ version: 4 }).udp().build() },
    { name: "IPv4/UDP", data: eth().ipv4().udp({ dport: 53 }).build() },
    { name: "ARP", data: eth().arp().build() },
  ],
} satisfies BenchCase;
