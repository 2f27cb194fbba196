// lpm-blocklist: an Ethernet and IPv4 parse, a longest-prefix match of the source address, and a per-CPU drop counter.
import { eth, IpProto, padTo, truncate } from "../../../compiler/testing/index.js";
import type { BenchCase, MapEntry } from "../../case.js";

/** An LPM trie entry: the prefix length (host order u32) and the address in network order, both sides' key layout. */
function prefix(cidr: string): MapEntry {
  const [addr, len] = cidr.split("/");
  const key = Buffer.alloc(8);
  key.writeUInt32LE(Number(len), 0);
  Buffer.from(addr!.split(".").map(Number)).copy(key, 4);
  return { key, value: Buffer.from([1]) };
}

const from = (src: string): Buffer => eth().ipv4({ src, dst: "10.0.0.2" }).udp({ dport: 53 }).payload("query").build();

export default {
  name: "lpm-blocklist",
  description: "drops IPv4 whose source address matches a prefix of an LPM trie blocklist and counts the drops in a per-CPU array",
  type: "xdp",
  program: { tsbpf: "lpmBlocklist", c: "lpm_blocklist" },
  packets: [
    { name: "from 10.1.2.3 (in 10.1.0.0/16)", data: from("10.1.2.3") },
    { name: "from 10.2.0.1", data: from("10.2.0.1") },
    { name: "from 192.168.7.200 (in 192.168.7.0/24)", data: from("192.168.7.200") },
    { name: "from 192.168.8.1", data: from("192.168.8.1") },
    { name: "from 203.0.113.5 (a /32)", data: from("203.0.113.5") },
    { name: "from 203.0.113.6", data: from("203.0.113.6") },
    { name: "from 172.31.255.255 (in 172.16.0.0/12)", data: from("172.31.255.255") },
    { name: "from 172.32.0.1", data: from("172.32.0.1") },
    { name: "from 10.0.0.1, to 10.1.2.3 (destination in the list)", data: eth().ipv4({ src: "10.0.0.1", dst: "10.1.2.3" }).tcp().build() },
    { name: "TCP from 10.1.200.1, padded to 60", data: padTo(eth().ipv4({ src: "10.1.200.1" }).tcp().build(), 60) },
    { name: "VLAN, from 192.168.7.1", data: eth().vlan(10).ipv4({ src: "192.168.7.1" }).icmp().build() },
    { name: "QinQ, from 10.1.0.0", data: eth().vlan(10).vlan(20).ipv4({ src: "10.1.0.0" }).udp().build() },
    { name: "three VLAN tags, from 10.1.0.1", data: eth().vlan(1).vlan(2).vlan(3).ipv4({ src: "10.1.0.1" }).udp().build() },
    { name: "VLAN tag cut short", data: truncate(eth().vlan(10).ipv4({ src: "10.1.0.1" }).build(), 16) },
    { name: "IPv4 options, from 10.1.9.9", data: eth().ipv4({ src: "10.1.9.9", options: Buffer.from([1, 1, 1, 0, 1, 1, 1, 0]) }).udp().build() },
    { name: "IPv4 IHL 15, options cut, from 10.1.9.9", data: eth().ipv4({ src: "10.1.9.9", ihl: 15 }).udp().build() },
    { name: "IPv4 IHL 4, from 10.1.9.9", data: eth().ipv4({ src: "10.1.9.9", ihl: 4 }).udp().build() },
    { name: "IPv4 version 6, from 10.1.9.9", data: eth().ipv4({ src: "10.1.9.9", version: 6 }).udp().build() },
    { name: "IPv4 cut at 19 bytes, from 10.1.9.9", data: truncate(from("10.1.9.9"), 14 + 19) },
    { name: "bare IPv4 header from 10.1.9.9", data: eth().ipv4({ src: "10.1.9.9" }).build() },
    { name: "later fragment from 10.1.9.9", data: eth().ipv4({ src: "10.1.9.9", protocol: IpProto.UDP, fragmentOffset: 20 }).payload("rest").build() },
    { name: "IPv6/UDP", data: eth().ipv6().udp().build() },
    { name: "ARP from 10.1.2.3", data: eth().arp({ senderIp: "10.1.2.3" }).build() },
    { name: "bare Ethernet header", data: eth({ etherType: 0x0800 }).build() },
  ],
  maps: [
    { tsbpf: "blocklist", c: "blocklist", setup: ["10.1.0.0/16", "192.168.7.0/24", "203.0.113.5/32", "172.16.0.0/12"].map(prefix) },
    { tsbpf: "dropped", c: "dropped" },
  ],
} satisfies BenchCase;
