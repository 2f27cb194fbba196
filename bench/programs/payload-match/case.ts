// payload-match: an Ethernet, IPv4 and UDP parse, then a 4-byte read of the payload at a constant offset.
import { eth, IpProto, padTo, truncate } from "../../../compiler/testing/index.js";
import type { BenchCase } from "../../case.js";

const bad = eth().ipv4().udp({ dport: 9999 }).payload("BAD!request").build();
const qinq = eth().vlan(10).vlan(20).ipv4().udp({ dport: 9999 }).payload("BAD!").build();
/** The QinQ frame with a third 802.1Q tag, beyond the two looked through. */
const thirdTag = Buffer.concat([qinq.subarray(0, 20), Buffer.from([0x81, 0x00, 0x00, 30]), qinq.subarray(20)]);

export default {
  name: "payload-match",
  description: "drops IPv4/UDP to port 9999 whose payload starts with \"BAD!\" (a raw 4-byte payload read)",
  type: "xdp",
  program: { tsbpf: "payloadMatch", c: "payload_match" },
  packets: [
    { name: "UDP to 9999, BAD!", data: bad },
    { name: "UDP to 9999, exactly BAD!", data: eth().ipv4().udp({ dport: 9999 }).payload("BAD!").build() },
    { name: "UDP to 9999, GOOD", data: eth().ipv4().udp({ dport: 9999 }).payload("GOOD request").build() },
    { name: "UDP to 9999, BAD? (last byte differs)", data: eth().ipv4().udp({ dport: 9999 }).payload("BAD?").build() },
    { name: "UDP to 9999, 3-byte payload BAD (read past the end)", data: eth().ipv4().udp({ dport: 9999 }).payload("BAD").build() },
    { name: "UDP to 9999, no payload", data: eth().ipv4().udp({ dport: 9999 }).build() },
    { name: "UDP to 9999, BA padded to 60", data: padTo(eth().ipv4().udp({ dport: 9999 }).payload("BA").build(), 60) },
    { name: "UDP to 9999, length 8 but BAD! after", data: eth().ipv4().udp({ dport: 9999, length: 8 }).payload("BAD!").build() },
    { name: "UDP to 53, BAD!", data: eth().ipv4().udp({ dport: 53 }).payload("BAD!").build() },
    { name: "UDP from 9999, BAD!", data: eth().ipv4().udp({ sport: 9999, dport: 80 }).payload("BAD!").build() },
    { name: "TCP to 9999, BAD!", data: eth().ipv4().tcp({ dport: 9999 }).payload("BAD!").build() },
    { name: "VLAN, BAD!", data: eth().vlan(10).ipv4().udp({ dport: 9999 }).payload("BAD!").build() },
    { name: "QinQ, BAD!", data: qinq },
    { name: "three VLAN tags, BAD!", data: thirdTag },
    { name: "IPv4 options, BAD!", data: eth().ipv4({ options: Buffer.from([1, 1, 1, 0, 1, 1, 1, 0]) }).udp({ dport: 9999 }).payload("BAD!").build() },
    { name: "first fragment, BAD!", data: eth().ipv4({ moreFragments: true }).udp({ dport: 9999 }).payload("BAD!").build() },
    { name: "non-first fragment, BAD!", data: eth().ipv4({ protocol: IpProto.UDP, fragmentOffset: 1 }).udp({ dport: 9999 }).payload("BAD!").build() },
    { name: "IPv4 IHL 4", data: eth().ipv4({ ihl: 4 }).udp({ dport: 9999 }).payload("BAD!").build() },
    { name: "IPv4 version 6", data: eth().ipv4({ version: 6 }).udp({ dport: 9999 }).payload("BAD!").build() },
    { name: "IPv4 IHL past the end", data: eth().ipv4({ ihl: 15 }).udp({ dport: 9999 }).payload("BAD!").build() },
    { name: "UDP header cut at 6 bytes", data: truncate(bad, 14 + 20 + 6) },
    { name: "payload cut at 2 bytes", data: truncate(bad, 14 + 20 + 8 + 2) },
    { name: "IPv6/UDP to 9999, BAD!", data: eth().ipv6().udp({ dport: 9999 }).payload("BAD!").build() },
    { name: "ARP", data: eth().arp().build() },
    { name: "bare Ethernet header", data: eth({ etherType: 0x0800 }).build() },
  ],
} satisfies BenchCase;
