// drop-all: the smallest program, the floor of both compilers.
import { eth } from "../../../compiler/testing/index.js";
import type { BenchCase } from "../../case.js";

export default {
  name: "drop-all",
  description: "returns XDP_DROP for every packet",
  type: "xdp",
  program: { tsbpf: "dropAll", c: "drop_all" },
  packets: [
    { name: "IPv4/UDP", data: eth().ipv4().udp({ dport: 53 }).payload("query").build() },
    { name: "ARP", data: eth().arp().build() },
  ],
} satisfies BenchCase;
