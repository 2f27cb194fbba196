// drop-ipv4 in the kernel: every well-formed IPv4 packet is dropped, everything else passes.
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { eth, loadProgram, truncate, XdpVerdict, type TestProgram } from "../../compiler/testing/index.js";
import { describeKernel } from "../../test/support/kernel.js";

const { Drop, Pass } = XdpVerdict;

const cases: [string, Buffer, number][] = [
  ["IPv4 TCP", eth().ipv4().tcp({ dport: 80 }).build(), Drop],
  ["IPv4 UDP", eth().ipv4().udp({ dport: 53 }).build(), Drop],
  ["IPv4 with 40 bytes of options", eth().ipv4({ options: Buffer.alloc(40, 1) }).udp().build(), Drop],
  ["IPv4 behind two VLAN tags", eth({ vlans: [100, 200] }).ipv4().udp().build(), Drop],
  ["IPv6", eth().ipv6().udp().build(), Pass],
  ["ARP", eth().arp().build(), Pass],
  ["IPv4 IHL < 5", eth().ipv4({ ihl: 3 }).udp().build(), Pass],
  ["IPv4 IHL pointing past the end", truncate(eth().ipv4({ ihl: 12 }).udp().build(), 14 + 28), Pass],
  ["an IPv4 header cut at 19 bytes", truncate(eth().ipv4().udp().build(), 14 + 19), Pass],
  ["a VLAN tag cut short", truncate(eth({ vlans: [7] }).ipv4().udp().build(), 16), Pass],
  ["a bare 14-byte Ethernet frame", eth({ etherType: 0x0800 }).build(), Pass],
];

describeKernel("examples/drop-ipv4", () => {
  let program: TestProgram;
  beforeAll(async () => {
    program = await loadProgram(join(import.meta.dirname, "probe.ts"));
  });
  afterAll(async () => {
    await program?.close();
  });

  for (const [name, packet, verdict] of cases) {
    it(`${name} → ${verdict === Drop ? "Drop" : "Pass"}`, async () => {
      expect((await program.run(packet)).verdict).toBe(verdict);
    });
  }
});
