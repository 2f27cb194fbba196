// ipv4-drop-count: an Ethernet and IPv4 parse with VLANs, and a per-CPU counter.
import { eth, truncate } from "../../../compiler/testing/index.js";
import type { BenchCase } from "../../case.js";

const udp = eth().ipv4().udp({ dport: 53 }).payload("query").build();

export default {
  name: "ipv4-drop-count",
  description: "drops well-formed IPv4 (up to two VLAN tags looked through) and counts the drops in a per-CPU array",
  type: "xdp",
  program: { tsbpf: "ipv4DropCount", c: "ipv4_drop_count" },
  packets: [
    { name: "IPv4/UDP", data: udp },
    { name: "VLAN IPv4/TCP", data: eth().vlan(10).ipv4().tcp({ dport: 80 }).build() },
    { name: "QinQ IPv4", data: eth().vlan(10).vlan(20).ipv4().udp().build() },
    { name: "IPv6/UDP", data: eth().ipv6().udp().build() },
    { name: "ARP", data: eth().arp().build() },
    { name: "IPv4 with IHL 4", data: eth().ipv4({ ihl: 4 }).udp().build() },
    { name: "IPv4 cut at 30 bytes", data: truncate(udp, 30) },
  ],
  maps: [{ tsbpf: "dropped", c: "dropped" }],
} satisfies BenchCase;
