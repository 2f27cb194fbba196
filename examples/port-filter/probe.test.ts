// port-filter in the kernel: crafted and malformed packets through BPF_PROG_TEST_RUN, verdicts asserted.
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { eth, IpProto, loadProgram, truncate, XdpVerdict, type TestProgram } from "../../compiler/testing/index.js";
import { describeKernel } from "../../test/support/kernel.js";

const { Drop, Pass } = XdpVerdict;
const BLOCKED = 7777;

/** Inserts a third 802.1Q tag (VID 30) after the two a frame already has. */
function withThirdTag(frame: Buffer): Buffer {
  return Buffer.concat([frame.subarray(0, 20), Buffer.from([0x81, 0x00, 0x00, 30]), frame.subarray(20)]);
}

const cases: [string, Buffer, number][] = [
  ["IPv4 TCP to the blocked port", eth().ipv4().tcp({ dport: BLOCKED }).build(), Drop],
  ["IPv4 TCP to another port", eth().ipv4().tcp({ dport: 80 }).build(), Pass],
  ["IPv4 TCP from the blocked port", eth().ipv4().tcp({ sport: BLOCKED, dport: 80 }).build(), Pass],
  ["IPv4 UDP to the blocked port", eth().ipv4().udp({ dport: BLOCKED }).build(), Drop],
  ["IPv4 UDP to another port", eth().ipv4().udp({ dport: 53 }).build(), Pass],
  ["IPv6 TCP to the blocked port", eth().ipv6().tcp({ dport: BLOCKED }).build(), Drop],
  ["IPv6 UDP to the blocked port", eth().ipv6().udp({ dport: BLOCKED }).build(), Drop],
  ["IPv6 TCP to another port", eth().ipv6().tcp({ dport: 22 }).build(), Pass],
  ["one VLAN tag, UDP to the blocked port", eth({ vlans: [10] }).ipv4().udp({ dport: BLOCKED }).build(), Drop],
  ["two VLAN tags, TCP to the blocked port", eth({ vlans: [10, 20] }).ipv4().tcp({ dport: BLOCKED }).build(), Drop],
  ["two VLAN tags, IPv6 TCP to the blocked port", eth({ vlans: [10, 20] }).ipv6().tcp({ dport: BLOCKED }).build(), Drop],
  ["three VLAN tags (beyond the two looked through)", withThirdTag(eth({ vlans: [10, 20] }).ipv4().tcp({ dport: BLOCKED }).build()), Pass],
  ["IPv4 options, then TCP to the blocked port", eth().ipv4({ options: Buffer.from([1, 1, 1, 0, 1, 1, 1, 0]) }).tcp({ dport: BLOCKED }).build(), Drop],
  ["IPv4 IHL < 5", eth().ipv4({ ihl: 4 }).tcp({ dport: BLOCKED }).build(), Pass],
  ["IPv4 IHL pointing past the end", truncate(eth().ipv4({ ihl: 15 }).tcp({ dport: BLOCKED }).build(), 14 + 40), Pass],
  ["IPv4 version 6 under EtherType IPv4", eth().ipv4({ version: 6 }).tcp({ dport: BLOCKED }).build(), Pass],
  ["IPv6 version 4 under EtherType IPv6", eth().ipv6({ version: 4 }).tcp({ dport: BLOCKED }).build(), Pass],
  ["truncated TCP header", truncate(eth().ipv4().tcp({ dport: BLOCKED }).build(), 14 + 20 + 10), Pass],
  ["TCP data offset < 5", eth().ipv4().tcp({ dport: BLOCKED, dataOffset: 4 }).build(), Pass],
  ["TCP data offset past the end", eth().ipv4().tcp({ dport: BLOCKED, dataOffset: 15 }).build(), Pass],
  ["truncated UDP header", truncate(eth().ipv4().udp({ dport: BLOCKED }).build(), 14 + 20 + 7), Pass],
  ["first fragment, UDP to the blocked port", eth().ipv4({ moreFragments: true }).udp({ dport: BLOCKED }).build(), Drop],
  ["non-first fragment whose payload looks like UDP to the blocked port", eth().ipv4({ protocol: IpProto.UDP, fragmentOffset: 1 }).udp({ dport: BLOCKED }).build(), Pass],
  ["ARP", eth().arp().build(), Pass],
  ["a bare 14-byte Ethernet frame", eth({ etherType: 0x0800 }).build(), Pass],
];

describeKernel("examples/port-filter", () => {
  let program: TestProgram;
  beforeAll(async () => {
    program = await loadProgram(join(import.meta.dirname, "probe.ts"));
  });
  afterAll(async () => {
    await program?.close();
  });

  it("the verifier accepts the program", () => {
    expect(program.programs).toEqual(["portFilter"]);
  });

  for (const [name, packet, verdict] of cases) {
    it(`${name} → ${verdict === Drop ? "Drop" : "Pass"}`, async () => {
      const r = await program.run(packet);
      expect(r.verdict).toBe(verdict);
      expect(r.packet.equals(packet)).toBe(true);
    });
  }
});
