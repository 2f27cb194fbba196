// ttl-guard: TTL and hop-limit edges, IPv4 checksum rewrites (options, odd checksums), VLANs and malformed headers.
import { eth, padTo, truncate } from "../../../compiler/testing/index.js";
import type { BenchCase } from "../../case.js";

const udp4 = eth().ipv4({ ttl: 64 }).udp({ dport: 53 }).payload("query").build();
const chain6 = eth().ipv6({ hopLimit: 9 }).ipv6Ext({ type: 0 }).ipv6Ext({ type: 43, data: Buffer.alloc(22) }).tcp().build();

export default {
  name: "ttl-guard",
  description: "drops IPv4 with TTL ≤ 1 and IPv6 with hop limit ≤ 1, decrements the rest (IPv4 checksum updated incrementally)",
  type: "xdp",
  program: { tsbpf: "ttlGuard", c: "ttl_guard" },
  packets: [
    { name: "IPv4/UDP TTL 64", data: udp4 },
    { name: "IPv4 TTL 2", data: eth().ipv4({ ttl: 2 }).tcp().build() },
    { name: "IPv4 TTL 1", data: eth().ipv4({ ttl: 1 }).tcp().build() },
    { name: "IPv4 TTL 0", data: eth().ipv4({ ttl: 0 }).udp().build() },
    { name: "IPv4 TTL 255, padded to 60", data: padTo(eth().ipv4({ ttl: 255 }).icmp().build(), 60) },
    { name: "IPv4 with options TTL 30", data: eth().ipv4({ ttl: 30, options: Buffer.from([0x94, 4, 0, 0, 1, 1, 1, 0]) }).udp().build() },
    { name: "IPv4 checksum 0x0000", data: eth().ipv4({ ttl: 64, checksum: 0 }).udp().build() },
    { name: "IPv4 checksum 0xffff", data: eth().ipv4({ ttl: 64, checksum: 0xffff }).udp().build() },
    { name: "IPv4 checksum 0xfeff", data: eth().ipv4({ ttl: 17, checksum: 0xfeff }).udp().build() },
    { name: "IPv4 fragment TTL 5", data: eth().ipv4({ ttl: 5, fragmentOffset: 100 }).payload("frag").build() },
    { name: "IPv4 IHL 4 TTL 1", data: eth().ipv4({ ihl: 4, ttl: 1 }).udp().build() },
    { name: "IPv4 version 5 TTL 1", data: eth({ etherType: 0x0800 }).ipv4({ version: 5, ttl: 1 }).udp().build() },
    { name: "IPv4 IHL 15, options cut, TTL 1", data: eth().ipv4({ ihl: 15, ttl: 1 }).udp().build() },
    { name: "IPv4 cut at 19 bytes", data: truncate(udp4, 14 + 19) },
    { name: "VLAN IPv4 TTL 64", data: eth().vlan(100).ipv4({ ttl: 64 }).tcp().build() },
    { name: "QinQ IPv4 TTL 1", data: eth().vlan(100).vlan(200).ipv4({ ttl: 1 }).tcp().build() },
    { name: "three VLAN tags IPv4 TTL 1", data: eth().vlan(1).vlan(2).vlan(3).ipv4({ ttl: 1 }).tcp().build() },
    { name: "VLAN tag cut short", data: truncate(eth().vlan(100).ipv4().build(), 17) },
    { name: "IPv6/TCP hop limit 64", data: eth().ipv6({ hopLimit: 64 }).tcp().build() },
    { name: "IPv6 hop limit 2", data: eth().ipv6({ hopLimit: 2 }).udp().build() },
    { name: "IPv6 hop limit 1", data: eth().ipv6({ hopLimit: 1 }).icmpv6().build() },
    { name: "IPv6 hop limit 0", data: eth().ipv6({ hopLimit: 0 }).udp().build() },
    { name: "QinQ IPv6 hop limit 1", data: eth().vlan(7).vlan(8).ipv6({ hopLimit: 1 }).udp().build() },
    { name: "IPv6 extension chain, hop limit 9", data: chain6 },
    { name: "IPv6 extension chain cut, hop limit 9", data: truncate(chain6, 14 + 40 + 12) },
    { name: "IPv6 header only, hop limit 3", data: truncate(chain6, 14 + 40) },
    { name: "IPv6 cut at 39 bytes, hop limit 1", data: truncate(eth().ipv6({ hopLimit: 1 }).udp().build(), 14 + 39) },
    { name: "IPv6 version 4 hop limit 1", data: eth({ etherType: 0x86dd }).ipv6({ version: 4, hopLimit: 1 }).udp().build() },
    { name: "ARP", data: eth().arp().build() },
  ],
} satisfies BenchCase;
