// Socket filters through BPF_PROG_TEST_RUN: the packet API reads a copy of the frame from its MAC header; verdicts are lengths.
import { join } from "node:path";
import { expect, it } from "vitest";
import { useProbe } from "../support/build-probe.js";
import { describeKernel } from "../support/kernel.js";
import { readMap } from "../support/maps.js";
import { eth, parseIpv4 } from "../support/packets.js";

const ACCEPT = 0xffffffff;
const DROP = 0;

describeKernel("socket filters", () => {
  const probe = useProbe(join(import.meta.dirname, "socket-filter.ts"), "socket");
  const run = async (program: string, frame: Buffer) => (await probe.obj.run(program, frame)).retval >>> 0;
  const slots = async () => (await readMap(probe.obj, probe.built.manifest, "seen")).map((e) => e.value);

  it("parses Ethernet, IPv4 and TCP from the copy, in host order", async () => {
    const frame = eth({ src: "02:00:00:00:00:7a" }).ipv4({ src: "198.51.100.4" }).tcp({ dport: 80 }).payload("GET /").build();
    expect(await run("web", frame)).toBe(ACCEPT);
    const s = await slots();
    // the test run hands the filter a socket buffer whose data starts after the Ethernet header, as sockets see it
    expect(s[0]).toBe(BigInt(frame.length - 14));
    expect(s[1]).toBe(0x0800n);
    expect(s[2]).toBe(BigInt(parseIpv4("198.51.100.4").readUInt32BE(0)));
    expect(s[3]).toBe(0x7an);
    expect(s[4]).toBe(5n);
  });

  it("drops what it does not accept", async () => {
    expect(await run("web", eth().ipv4().tcp({ dport: 22 }).build())).toBe(DROP);
    expect(await run("web", eth().ipv4().udp({ sport: 53 }).build())).toBe(ACCEPT);
    expect(await run("web", eth().ipv4().udp({ sport: 54 }).build())).toBe(DROP);
    expect(await run("web", eth().ipv6().tcp({ dport: 80 }).build())).toBe(DROP);
  });

  it("raw reads see the whole frame; past its end the filter gives onError (Drop)", async () => {
    expect(await run("raw", eth().ipv6().udp().payload(Buffer.from([1, 0x42])).build())).toBe(ACCEPT);
    const frame = eth().ipv6().udp().payload(Buffer.from([0x41])).build();
    expect(await run("raw", frame)).toBe(DROP);
    expect((await slots())[5]).toBe(BigInt(frame.length));
  });
});
