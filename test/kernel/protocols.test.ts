// Every protocol of the packet library in the kernel: valid frames give the right fields, malformed ones null, and a frame cut at
// every byte offset gives the verdict of the deepest header that is still whole (thresholds computed here from the RFC sizes).
// BPF_PROG_TEST_RUN refuses XDP input shorter than an Ethernet header, so cuts start at 14 bytes.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useProbe } from "../support/build-probe.js";
import { describeKernel, XdpVerdict } from "../support/kernel.js";
import { readMap } from "../support/maps.js";
import { eth, IpProto, parseIpv4, truncate, type Packet } from "../support/packets.js";

const { Pass, Drop, Tx } = XdpVerdict;
const ETH = 14, TAG = 4, IP4 = 20, IP6 = 40, UDP = 8, TCP = 20, VXLAN = 8, GENEVE = 8, ICMP = 8, ARP = 28;
const ip = (a: string) => BigInt(parseIpv4(a).readUInt32BE(0));

interface Case {
  program: string;
  frame: Packet;
  /** The fields the program stores, by slot. */
  seen: Record<number, bigint>;
  /** [bytes needed, verdict once that many are there], ascending; below the first, Pass. */
  steps: [number, number][];
}

const cases: Record<string, Case> = {
  "802.1ad + 802.1Q tags": {
    program: "vlans",
    frame: eth({ vlans: [{ vid: 100, pcp: 3, dei: true }, 200] }).ipv4().udp(),
    seen: { 0: 2n, 1: 0x0800n, 2: 0x88a8n, 3: 100n, 4: 3n, 5: 1n, 6: 0x8100n, 7: 200n },
    steps: [[ETH + 2 * TAG, Drop]],
  },
  "one 802.1Q tag": { program: "vlans", frame: eth({ vlans: [7] }).ipv4().udp(), seen: { 0: 1n, 1: 0x0800n, 2: 0x8100n, 3: 7n, 4: 0n, 5: 0n }, steps: [[ETH + TAG, Tx]] },
  "one 802.1ad tag": { program: "vlans", frame: eth({ vlans: [{ vid: 9, tpid: 0x88a8 }] }).ipv6(), seen: { 0: 1n, 1: 0x86ddn, 2: 0x88a8n, 3: 9n }, steps: [[ETH + TAG, Tx]] },
  "two 802.1Q tags": { program: "vlans", frame: eth({ vlans: [{ vid: 1, tpid: 0x8100 }, { vid: 2, tpid: 0x8100 }] }).arp(), seen: { 0: 2n, 1: 0x0806n, 2: 0x8100n, 3: 1n, 6: 0x8100n, 7: 2n }, steps: [[ETH + 2 * TAG, Drop]] },
  // a third tag is not looked through: its TPID is the EtherType, and the frame has two tags
  "three tags": { program: "vlans", frame: eth({ vlans: [{ vid: 1, tpid: 0x8100 }, { vid: 2, tpid: 0x88a8 }, { vid: 3, tpid: 0x8100 }] }).ipv4(), seen: { 0: 2n, 1: 0x8100n, 2: 0x8100n, 6: 0x88a8n, 7: 2n }, steps: [[ETH + 2 * TAG, Drop]] },
  ARP: { program: "arp", frame: eth().arp({ op: 2, senderIp: "10.0.0.7", targetIp: "10.0.0.9" }), seen: { 0: 2n, 1: ip("10.0.0.7"), 2: ip("10.0.0.9") }, steps: [[ETH + ARP, Drop]] },
  ICMP: { program: "icmp", frame: eth().ipv4().icmp({ type: 8, code: 0, id: 0x1234, seq: 7 }).payload("ping"), seen: { 0: 4n, 1: 8n, 2: 0n, 3: 0x1234n, 4: 7n }, steps: [[ETH + IP4 + ICMP, Drop]] },
  ICMPv6: { program: "icmp", frame: eth().ipv6().icmpv6({ type: 128, id: 9, seq: 3 }), seen: { 0: 6n, 1: 128n, 3: 9n, 4: 3n }, steps: [[ETH + IP6 + ICMP, Drop]] },
  "IPv6 hop-by-hop, routing and destination options before UDP": {
    program: "ipv6Chain",
    frame: eth().ipv6().ipv6Ext({ type: IpProto.HOPOPT }).ipv6Ext({ type: IpProto.ROUTING, data: Buffer.alloc(14) }).ipv6Ext({ type: IpProto.DSTOPTS }).udp({ dport: 5000 }),
    seen: { 0: 0n, 1: 17n, 2: 8n + 16n + 8n, 3: 5000n },
    steps: [[ETH + IP6, Tx], [ETH + IP6 + 32 + UDP, Drop]],
  },
  "IPv6 first fragment, then UDP": {
    program: "ipv6Chain",
    frame: eth().ipv6().ipv6Ext({ type: IpProto.FRAGMENT, moreFragments: true, id: 5 }).udp({ dport: 6000 }),
    seen: { 0: 44n, 1: 17n, 2: 8n, 3: 6000n },
    steps: [[ETH + IP6, Tx], [ETH + IP6 + 8 + UDP, Drop]],
  },
  VXLAN: {
    program: "vxlan",
    frame: eth().ipv4().udp().vxlan(0xabcde).eth().ipv4().udp({ dport: 53 }),
    seen: { 0: 0xabcden, 1: 53n },
    steps: [[ETH + IP4 + UDP + VXLAN + ETH + IP4 + UDP, Drop]],
  },
  "Geneve with options, carrying Ethernet": {
    program: "geneve",
    frame: eth().ipv6().udp().geneve({ vni: 77, options: Buffer.alloc(8) }).eth().ipv4({ dst: "10.9.8.7" }),
    seen: { 0: 77n, 1: 2n, 2: 0x6558n, 3: ip("10.9.8.7") },
    steps: [[ETH + IP6 + UDP + GENEVE + 8, Tx], [ETH + IP6 + UDP + GENEVE + 8 + ETH + IP4, Drop]],
  },
  "GRE with key and sequence, carrying IPv6": {
    program: "gre",
    frame: eth().ipv4().gre({ key: 0xdeadbeef, sequence: 12 }).ipv6().tcp({ dport: 179 }),
    seen: { 0: 0n, 1: 1n, 2: 0xdeadbeefn, 3: 12n, 4: 0x86ddn, 5: 179n },
    steps: [[ETH + IP4 + 12, Tx], [ETH + IP4 + 12 + IP6 + TCP, Drop]],
  },
  "IPv4 in IPv4": { program: "ipInIp", frame: eth().ipv4().ipv4({ dst: "10.1.1.1" }).udp(), seen: { 0: ip("10.1.1.1") }, steps: [[ETH + IP4 + IP4, Drop]] },
  "IPv6 in IPv4": { program: "ipInIp", frame: eth().ipv4().ipv6({ hopLimit: 33 }).udp(), seen: { 1: 33n }, steps: [[ETH + IP4 + IP6, Drop]] },
  "IPv4 in IPv6": { program: "ipInIp", frame: eth().ipv6().ipv4({ dst: "10.2.2.2" }).udp(), seen: { 2: ip("10.2.2.2") }, steps: [[ETH + IP6 + IP4, Drop]] },
  "IPv6 in IPv6": { program: "ipInIp", frame: eth().ipv6().ipv6({ hopLimit: 44 }).udp(), seen: { 3: 44n }, steps: [[ETH + IP6 + IP6, Drop]] },
  "depth 3: GRE, then VXLAN, then IPv6/TCP": {
    program: "deep",
    frame: eth().ipv4().gre().eth().ipv4({ src: "172.16.0.1" }).udp().vxlan(5).eth().ipv6({ hopLimit: 9 }).tcp({ dport: 8443 }),
    seen: { 0: ip("172.16.0.1"), 1: 9n, 2: 8443n },
    steps: [[ETH + IP4 + 4 + ETH + IP4 + UDP + VXLAN + ETH + IP6 + TCP, Drop]],
  },
  "three IPv6 headers with extension headers, through GRE and VXLAN": {
    program: "deep6",
    frame: eth().ipv6().ipv6Ext({ type: IpProto.HOPOPT }).gre().eth().ipv6({ hopLimit: 7 }).ipv6Ext({ type: IpProto.DSTOPTS }).udp().vxlan(9).eth().ipv6({ hopLimit: 5 }).ipv6Ext({ type: IpProto.ROUTING }).tcp({ dport: 993 }),
    seen: { 0: 7n, 1: 5n, 2: 993n },
    steps: [[ETH + IP6 + 8 + 4 + ETH + IP6 + 8 + UDP + VXLAN + ETH + IP6 + 8 + TCP, Drop]],
  },
};

/** Frames whose headers are whole but wrong: the accessor must give null. */
const malformed: [string, string, Packet, number][] = [
  ["IPv4 version 5", "icmp", eth().ipv4({ version: 5 }).icmp(), Pass],
  ["IPv4 IHL 4", "icmp", eth().ipv4({ ihl: 4 }).icmp(), Pass],
  ["IPv4 non-first fragment", "icmp", eth().ipv4({ fragmentOffset: 8 }).icmp(), Pass],
  ["IPv6 version 4", "icmp", eth().ipv6({ version: 4 }).icmpv6(), Pass],
  ["ARP for another hardware type", "arp", eth({ etherType: 0x0806 }).payload(Buffer.concat([Buffer.from([0, 6, 8, 0, 6, 4, 0, 1]), Buffer.alloc(20)])), Pass],
  ["ARP with 16-byte protocol addresses", "arp", eth({ etherType: 0x0806 }).payload(Buffer.concat([Buffer.from([0, 1, 8, 0, 6, 16, 0, 1]), Buffer.alloc(40)])), Pass],
  ["VXLAN without the I flag", "vxlan", eth().ipv4().udp({ dport: 4789 }).payload(Buffer.alloc(8 + 14 + 20 + 8)), Pass],
  ["GRE version 1", "gre", eth().ipv4({ protocol: IpProto.GRE }).payload(Buffer.from([0, 1, 0x86, 0xdd])), Pass],
  ["TCP data offset 4", "gre", eth().ipv4().gre().ipv6().tcp({ dataOffset: 4 }), Tx],
  ["IPv6 extension header cut short", "ipv6Chain", eth().ipv6({ nextHeader: IpProto.HOPOPT }).payload(Buffer.from([17, 0, 0, 0])), Tx],
  // 40 + 2,048 + 2,048 bytes: the walk's offset, kept below 4,096 for the verifier, wrapped back to 40, where the first
  // extension header was read as a UDP header to port 53
  ["IPv6 extension chain ending 4 KiB past the header", "ipv6Chain", eth().ipv6({ nextHeader: IpProto.DSTOPTS }).payload(Buffer.concat([Buffer.from([IpProto.DSTOPTS, 255, 0, 53]), Buffer.alloc(2044), Buffer.from([IpProto.UDP, 255, 0, 0, 0, 0, 0, 0])])), Tx],
];

describeKernel("packet library: every protocol", () => {
  const probe = useProbe(join(import.meta.dirname, "protocols.ts"));
  const verdict = async (program: string, frame: Buffer) => (await probe.obj.run(program, frame)).retval;

  describe("valid frames", () => {
    it.each(Object.keys(cases))("%s", async (name) => {
      const c = cases[name]!;
      const [last] = c.steps[c.steps.length - 1]!;
      const frame = c.frame.build();
      expect(frame.length).toBeGreaterThanOrEqual(last);
      expect(await verdict(c.program, frame)).toBe(c.steps[c.steps.length - 1]![1]);
      const slots = (await readMap(probe.obj, probe.built.manifest, "seen")).map((e) => e.value);
      for (const [slot, value] of Object.entries(c.seen)) expect(slots[Number(slot)], `slot ${slot}`).toBe(value);
    });
  });

  describe("truncated at every byte offset", () => {
    it.each(Object.keys(cases))("%s", async (name) => {
      const c = cases[name]!;
      const frame = c.frame.build();
      const got: string[] = [];
      const want: string[] = [];
      for (let n = ETH; n < frame.length; n++) {
        const expected = c.steps.filter(([bytes]) => n >= bytes).pop()?.[1] ?? Pass;
        want.push(`${n}:${expected}`);
        got.push(`${n}:${await verdict(c.program, truncate(frame, n))}`);
      }
      expect(got).toEqual(want);
    });
  });

  describe("malformed headers give null", () => {
    it.each(malformed)("%s", async (_, program, frame, expected) => {
      expect(await verdict(program, frame.build())).toBe(expected);
    });
  });
});
