// ipip-encap: an Ethernet and IPv4 parse, bpf_xdp_adjust_head and a new outer IPv4 header with its checksum.
import { eth, padTo, truncate } from "../../../compiler/testing/index.js";
import type { BenchCase } from "../../case.js";

const udp = eth().ipv4().udp({ dport: 53 }).payload("query").build();

export default {
  name: "ipip-encap",
  description: "encapsulates IPv4 to 10.0.0.2 in IP-in-IP with bpf_xdp_adjust_head (outer header and checksum written) and returns XDP_TX",
  type: "xdp",
  program: { tsbpf: "ipipEncap", c: "ipip_encap" },
  packets: [
    { name: "UDP to 10.0.0.2", data: udp },
    { name: "TCP to 10.0.0.2", data: eth().ipv4({ tos: 0x10, ttl: 3 }).tcp({ dport: 443 }).payload(Buffer.alloc(1000, 7)).build() },
    { name: "ICMP to 10.0.0.2", data: eth().ipv4().icmp({ type: 8 }).payload("ping").build() },
    { name: "IPv4 options, to 10.0.0.2", data: eth().ipv4({ options: Buffer.from([1, 1, 1, 0, 1, 1, 1, 0]) }).udp().build() },
    { name: "fragment to 10.0.0.2", data: eth().ipv4({ fragmentOffset: 100 }).payload("rest").build() },
    { name: "small packet padded to 60", data: padTo(eth().ipv4().udp().build(), 60) },
    { name: "total length 0xfff0 (outer wraps)", data: eth().ipv4({ totalLength: 0xfff0 }).udp().build() },
    { name: "bare IPv4 header to 10.0.0.2", data: eth().ipv4().build() },
    { name: "UDP to 10.0.0.3", data: eth().ipv4({ dst: "10.0.0.3" }).udp().build() },
    { name: "UDP from 10.0.0.2", data: eth().ipv4({ src: "10.0.0.2", dst: "10.0.0.1" }).udp().build() },
    { name: "VLAN, to 10.0.0.2", data: eth().vlan(10).ipv4().udp().build() },
    { name: "QinQ, to 10.0.0.2", data: eth().vlan(10).vlan(20).ipv4().udp().build() },
    { name: "VLAN tag cut at 16 bytes", data: truncate(eth().vlan(10).ipv4().udp().build(), 16) },
    { name: "QinQ cut at 20 bytes", data: truncate(eth().vlan(10).vlan(20).ipv4().udp().build(), 20) },
    { name: "IPv4 IHL 4", data: eth().ipv4({ ihl: 4 }).udp().build() },
    { name: "IPv4 version 6", data: eth().ipv4({ version: 6 }).udp().build() },
    { name: "IPv4 IHL past the end", data: eth().ipv4({ ihl: 15 }).udp().build() },
    { name: "IPv4 cut at 19 bytes", data: truncate(udp, 14 + 19) },
    { name: "IPv6/UDP", data: eth().ipv6().udp().build() },
    { name: "ARP", data: eth().arp().build() },
    { name: "bare Ethernet header", data: eth({ etherType: 0x0800 }).build() },
  ],
} satisfies BenchCase;
