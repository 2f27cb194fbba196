// Ethernet headers parsed without walking VLAN tags, in the kernel: the verdicts a tag walk would give, on tagged, untagged and cut frames.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { useProbe } from "../support/build-probe.js";
import { describeKernel, XdpVerdict } from "../support/kernel.js";
import { eth, truncate } from "../support/packets.js";

const { Pass, Drop, Tx } = XdpVerdict;

/** Frames by name; "cut" ones have a TPID and fewer bytes than their tags need, so a tag walk finds no header. */
const frames: Record<string, Buffer> = {
  "IPv4 TTL 64": eth().ipv4({ ttl: 64 }).udp().build(),
  "IPv4 TTL 1": eth().ipv4({ ttl: 1 }).udp().build(),
  "IPv6": eth().ipv6().udp().build(),
  "ARP": eth().arp().build(),
  "bare IPv6 EtherType": eth({ etherType: 0x86dd }).build(),
  "VLAN IPv4": eth().vlan(10).ipv4().udp().build(),
  "VLAN IPv6": eth().vlan(10).ipv6().udp().build(),
  "VLAN ARP": eth().vlan(10).arp().build(),
  "QinQ IPv4": eth().vlan(10).vlan(20).ipv4().udp().build(),
  "QinQ IPv6": eth().vlan(10).vlan(20).ipv6().udp().build(),
  "VLAN cut at 16 bytes": truncate(eth().vlan(10).ipv4().udp().build(), 16),
  "QinQ cut at 20 bytes": truncate(eth().vlan(10).vlan(20).ipv4().udp().build(), 20),
};

/** The verdicts each program's comment promises, frame by frame (in the order of `frames`). */
const expected: Record<string, number[]> = {
  refuse: [Tx, Drop, Drop, Drop, Drop, Drop, Drop, Drop, Drop, Drop, Drop, Drop],
  untaggedOnly: [Drop, Drop, Tx, Drop, Drop, Pass, Pass, Pass, Pass, Pass, Pass, Pass],
  arpOnly: [Drop, Drop, Drop, Tx, Drop, Pass, Pass, Pass, Pass, Pass, Pass, Pass],
};

describeKernel("Ethernet headers of programs that refuse tagged frames", () => {
  const probe = useProbe(join(import.meta.dirname, "tag-refusal.ts"));

  it("are parsed without walking the tags", () => {
    const c = readFileSync(probe.built.cFile, "utf8");
    for (const name of [...Object.keys(expected), "inner"]) {
      const body = c.slice(c.indexOf(`int ${name}(`));
      expect(body.slice(0, body.indexOf("\n}\n")), name).toMatch(/tsbpf_(xdp|vxlan)_eth_untagged(_chained)?\(/);
    }
  });

  it.each(Object.keys(expected))("%s gives the verdicts of a tag walk", async (name) => {
    const got: number[] = [];
    for (const frame of Object.values(frames)) got.push((await probe.obj.run(name, frame)).retval);
    expect(got).toEqual(expected[name]);
  });

  it("an inner Ethernet header gives the verdicts of a tag walk", async () => {
    const outer = () => eth().vlan(7).ipv4().udp().vxlan(42);
    const inner: [string, Buffer, number][] = [
      ["untagged IPv4", outer().eth().ipv4().udp().build(), Tx],
      ["untagged ARP", outer().eth().arp().build(), Drop],
      ["tagged IPv4", outer().eth().vlan(3).ipv4().udp().build(), Pass],
      ["QinQ IPv4", outer().eth().vlan(3).vlan(4).ipv4().udp().build(), Pass],
      ["tag cut after 2 bytes", truncate(outer().eth().vlan(3).ipv4().udp().build(), 4 + 14 + 20 + 8 + 8 + 16), Pass],
      ["no VXLAN", eth().ipv4().udp().build(), Pass],
    ];
    const got = [];
    for (const [name, frame] of inner) got.push([name, (await probe.obj.run("inner", frame)).retval]);
    expect(got).toEqual(inner.map(([name, , verdict]) => [name, verdict]));
  });

  it("arpOnly rewrites only untagged ARP", async () => {
    const frame = frames.ARP!;
    const r = await probe.obj.run("arpOnly", frame);
    expect(r.dataOut.toString("hex")).toBe(Buffer.concat([frame.subarray(6, 12), frame.subarray(6)]).toString("hex"));
    const tagged = await probe.obj.run("arpOnly", frames["VLAN ARP"]!);
    expect(tagged.dataOut.toString("hex")).toBe(frames["VLAN ARP"]!.toString("hex"));
  });
});
