// vxlan-flow-count: outer Ethernet/IPv4/UDP/VXLAN, inner Ethernet/IPv4/TCP or UDP, and a hash map keyed by the inner 5-tuple.
import { eth, IpProto, padTo, truncate, type Packet } from "../../../compiler/testing/index.js";
import type { BenchCase } from "../../case.js";

const A = { src: "192.168.1.10", dst: "192.168.1.20" };
const B = { src: "192.168.2.30", dst: "192.168.2.40" };
const outer = (p: Packet = eth()): Packet => p.ipv4({ src: "172.16.0.1", dst: "172.16.0.2" }).udp({ sport: 51000 }).vxlan(42).eth();
const tcpA = outer().ipv4(A).tcp({ sport: 40000, dport: 443 }).payload("hello").build();
const udpB = outer().ipv4(B).udp({ sport: 5353, dport: 53 }).payload("query").build();
/** The frame with the VXLAN flags byte (after 14 + 20 + 8 bytes) replaced. */
const vxlanFlags = (frame: Buffer, flags: number): Buffer => Buffer.concat([frame.subarray(0, 42), Buffer.from([flags]), frame.subarray(43)]);

export default {
  name: "vxlan-flow-count",
  description: "counts IPv4/UDP/VXLAN packets per inner IPv4 TCP/UDP 5-tuple in a hash map (VLANs looked through on both levels) and passes everything",
  type: "xdp",
  program: { tsbpf: "vxlanFlowCount", c: "vxlan_flow_count" },
  packets: [
    { name: "VXLAN IPv4/TCP flow A", data: tcpA },
    { name: "VXLAN IPv4/TCP flow A again", data: tcpA },
    { name: "VXLAN IPv4/TCP flow A, reverse direction", data: outer().ipv4({ src: A.dst, dst: A.src }).tcp({ sport: 443, dport: 40000 }).build() },
    { name: "VXLAN IPv4/UDP flow B", data: udpB },
    { name: "VXLAN IPv4/UDP flow B, padded to 128", data: padTo(udpB, 128) },
    { name: "VXLAN IPv4/TCP, TCP to 443 like A but UDP", data: outer().ipv4(A).udp({ sport: 40000, dport: 443 }).build() },
    { name: "VLAN outside, VXLAN IPv4/TCP", data: outer(eth().vlan(10)).ipv4(A).tcp({ sport: 1, dport: 2 }).build() },
    { name: "QinQ outside, VLAN inside, VXLAN IPv4/UDP", data: outer(eth().vlan(10).vlan(20)).vlan(30).ipv4(B).udp({ sport: 3, dport: 4 }).build() },
    { name: "QinQ inside, VXLAN IPv4/TCP", data: outer().vlan(5).vlan(6).ipv4(A).tcp({ sport: 5, dport: 6 }).build() },
    { name: "three VLAN tags inside", data: outer().vlan(5).vlan(6).vlan(7).ipv4(A).tcp({ sport: 7, dport: 8 }).build() },
    { name: "inner VLAN tag cut short", data: truncate(outer().vlan(5).ipv4(A).build(), 14 + 20 + 8 + 8 + 16) },
    { name: "outer IPv4 options, inner IPv4 options and TCP options", data: eth().ipv4({ options: Buffer.from([1, 1, 1, 0]) }).udp().vxlan(7).eth().ipv4({ ...A, options: Buffer.alloc(8, 1) }).tcp({ sport: 9, dport: 10, options: Buffer.alloc(12, 1) }).build() },
    { name: "outer first fragment", data: eth().ipv4({ moreFragments: true }).udp().vxlan(1).eth().ipv4(B).udp({ sport: 11, dport: 12 }).build() },
    { name: "outer later fragment, VXLAN at UDP's place", data: eth().ipv4({ protocol: IpProto.UDP, fragmentOffset: 1 }).udp().vxlan(1).eth().ipv4(B).udp({ sport: 13, dport: 14 }).build() },
    { name: "inner first fragment", data: outer().ipv4({ ...A, moreFragments: true }).tcp({ sport: 15, dport: 16 }).build() },
    { name: "inner later fragment, TCP at its place", data: outer().ipv4({ ...A, protocol: IpProto.TCP, fragmentOffset: 3 }).tcp({ sport: 17, dport: 18 }).build() },
    { name: "VXLAN without the I flag", data: vxlanFlags(tcpA, 0x00) },
    { name: "VXLAN with every flag bit", data: vxlanFlags(tcpA, 0xff) },
    { name: "UDP to 4790 carrying a VXLAN header", data: eth().ipv4().udp({ dport: 4790 }).vxlan(42).eth().ipv4(A).tcp().build() },
    { name: "UDP from 4789", data: eth().ipv4().udp({ sport: 4789, dport: 53 }).payload(tcpA.subarray(42)).build() },
    { name: "VXLAN header cut at 7 bytes", data: truncate(tcpA, 14 + 20 + 8 + 7) },
    { name: "inner Ethernet cut at 13 bytes", data: truncate(tcpA, 14 + 20 + 8 + 8 + 13) },
    { name: "inner IPv4 cut at 19 bytes", data: truncate(tcpA, 14 + 20 + 8 + 8 + 14 + 19) },
    { name: "inner TCP cut at 19 bytes", data: truncate(tcpA, 14 + 20 + 8 + 8 + 14 + 20 + 19) },
    { name: "inner UDP cut at 7 bytes", data: truncate(udpB, 14 + 20 + 8 + 8 + 14 + 20 + 7) },
    { name: "inner TCP data offset 4", data: outer().ipv4(A).tcp({ dataOffset: 4 }).build() },
    { name: "inner TCP data offset 15, options cut", data: outer().ipv4(A).tcp({ dataOffset: 15 }).build() },
    { name: "inner IPv4 IHL 4", data: outer().ipv4({ ...A, ihl: 4 }).tcp().build() },
    { name: "inner IPv4 IHL 15, options cut", data: outer().ipv4({ ...A, ihl: 15 }).udp().build() },
    { name: "inner IPv4 IHL 15 over UDP and payload (UDP read 40 bytes on)", data: outer().ipv4({ ...A, ihl: 15 }).udp({ sport: 19, dport: 20 }).payload(Buffer.alloc(40, 0x11)).build() },
    { name: "inner IPv4 version 6", data: outer().ipv4({ ...A, version: 6 }).tcp().build() },
    { name: "inner IPv4/ICMP", data: outer().ipv4(A).icmp().build() },
    { name: "inner IPv6/TCP", data: outer().ipv6().tcp().build() },
    { name: "inner ARP", data: outer().arp().build() },
    { name: "outer IPv6/UDP/VXLAN IPv4/TCP", data: eth().ipv6().udp().vxlan(42).eth().ipv4(A).tcp().build() },
    { name: "outer IPv4 IHL 4", data: eth().ipv4({ ihl: 4 }).udp().vxlan(42).eth().ipv4(A).tcp().build() },
    { name: "plain IPv4/TCP", data: eth().ipv4().tcp().build() },
    { name: "ARP", data: eth().arp().build() },
  ],
  maps: [{ tsbpf: "flows", c: "flows" }],
} satisfies BenchCase;
