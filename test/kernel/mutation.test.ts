// Mutating programs in the kernel: output frames compared byte for byte with the expected edit, checksums recomputed independently.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useProbe } from "../support/build-probe.js";
import { describeKernel, XdpVerdict } from "../support/kernel.js";
import { changedBytes, checkFrame } from "../support/frame-check.js";
import { eth, TcpFlags } from "../support/packets.js";

const allValid = (frame: Buffer) => Object.values(checkFrame(frame).checksums).every(Boolean);

describeKernel("header setters", () => {
  const probe = useProbe(join(import.meta.dirname, "mutation.ts"));
  const run = (program: string, frame: Buffer) => probe.obj.run(program, frame);

  it.each([2, 64, 255])("ttl %i - 1: only the TTL and the header checksum change, and the checksum is right", async (ttl) => {
    const frame = eth().ipv4({ ttl, id: ttl * 77 }).udp().payload("x").build();
    const r = await run("decTtl", frame);
    expect(r.retval).toBe(XdpVerdict.Tx);
    expect(r.dataOut[14 + 8]).toBe(ttl - 1);
    expect(changedBytes(frame, r.dataOut).every((i) => i === 22 || i === 24 || i === 25)).toBe(true);
    expect(checkFrame(r.dataOut).checksums).toEqual({ ipv4: true, udp: true });
  });

  describe("NAT rewrite keeps IPv4, TCP and UDP checksums valid through the pseudo-header", () => {
    const cases = Array.from({ length: 24 }, (_, i) => i);
    it.each(cases)("TCP case %i", async (i) => {
      const frame = eth().ipv4({ src: `10.${i}.1.2`, dst: `172.16.${i}.9`, id: i * 991 }).tcp({ sport: 1000 + i, dport: 22, seq: i * 0x1000193, flags: TcpFlags.SYN }).payload(Buffer.alloc(i, i)).build();
      const r = await run("nat", frame);
      expect(r.retval).toBe(XdpVerdict.Tx);
      const out = r.dataOut;
      expect([...out.subarray(26, 30)]).toEqual([192, 0, 2, 1]);
      expect(out.readUInt32BE(30)).toBe((frame.readUInt32BE(30) + 1) >>> 0);
      expect(out.readUInt16BE(36)).toBe(8080);
      expect(out[47]).toBe((TcpFlags.ACK));
      expect(out.readUInt16BE(48)).toBe(1000);
      expect(out[15]).toBe(0x2e);
      expect(out.readUInt16BE(20) & 0x4000).toBe(0x4000);
      expect(checkFrame(out).checksums).toEqual({ ipv4: true, tcp: true });
    });
    it.each(cases)("UDP case %i", async (i) => {
      const frame = eth().ipv4({ src: `10.${i}.1.2`, dst: `172.16.${i}.9` }).udp({ sport: 53 + i, dport: 53 }).payload(Buffer.alloc(i + 1, 0x5a)).build();
      const r = await run("nat", frame);
      expect(r.dataOut.readUInt16BE(34)).toBe(5353);
      expect(checkFrame(r.dataOut).checksums).toEqual({ ipv4: true, udp: true });
    });
  });

  it("a UDP checksum of 0 (none) stays 0", async () => {
    const frame = eth().ipv4().udp({ checksum: 0 }).payload("abc").build();
    const r = await run("nat", frame);
    expect(r.dataOut.readUInt16BE(40)).toBe(0);
  });

  it("a UDP checksum that comes out as 0 is written as 0xffff", async () => {
    // choose two payload bytes so that the rewritten datagram sums to 0xffff: its checksum is then 0, sent as 0xffff
    const build = (word: number) => eth().ipv4({ src: "10.0.0.1", dst: "10.0.0.2" }).udp({ sport: 1, dport: 53 }).payload(Buffer.from([word >> 8, word & 0xff])).build();
    const target = build(0);
    const rewritten = Buffer.from(target);
    rewritten.set([192, 0, 2, 1], 26);
    rewritten.writeUInt32BE(target.readUInt32BE(30) + 1, 30);
    rewritten.writeUInt16BE(5353, 34);
    rewritten.writeUInt16BE(0, 40);
    const pseudo = Buffer.concat([rewritten.subarray(26, 34), Buffer.from([0, 17, 0, 10])]);
    let sum = 0;
    for (const b of [pseudo, rewritten.subarray(34)]) for (let i = 0; i < b.length; i += 2) sum += (b[i]! << 8) | (b[i + 1] ?? 0);
    while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
    const word = ~sum & 0xffff; // adding it makes the sum 0xffff
    const r = await run("nat", build(word));
    expect(r.dataOut.readUInt16BE(40)).toBe(0xffff);
    expect(checkFrame(r.dataOut).checksums.udp).toBe(true);
  });

  it("ICMP and ICMPv6 echo replies carry valid checksums", async () => {
    const v4 = await run("echo", eth().ipv4().icmp({ type: 8, id: 7, seq: 41 }).payload("ping").build());
    expect(v4.retval).toBe(XdpVerdict.Tx);
    expect(v4.dataOut[34]).toBe(0);
    expect(v4.dataOut.readUInt16BE(40)).toBe(42);
    expect(checkFrame(v4.dataOut).checksums).toEqual({ ipv4: true, icmp: true });
    const v6 = await run("echo", eth().ipv6().icmpv6({ type: 128, id: 7, seq: 1 }).payload("ping6").build());
    expect(v6.retval).toBe(XdpVerdict.Tx);
    expect(v6.dataOut[54]).toBe(129);
    expect(v6.dataOut[21]).toBe(255);
    expect(v6.dataOut.readUInt32BE(14) & 0xfffff).toBe(0x12345);
    expect((v6.dataOut.readUInt16BE(14) >> 4) & 0xff).toBe(0xb8);
    expect(v6.dataOut[14] >> 4).toBe(6);
    expect(checkFrame(v6.dataOut).checksums).toEqual({ icmpv6: true });
  });

  it("VLAN tag fields are rewritten in place", async () => {
    const frame = eth({ vlans: [{ vid: 10, pcp: 1 }, 20] }).ipv4().udp().build();
    const r = await run("retag", frame);
    expect(r.retval).toBe(XdpVerdict.Tx);
    expect(r.dataOut.readUInt16BE(14)).toBe((5 << 13) | 0x1000 | 110);
    expect(changedBytes(frame, r.dataOut)).toEqual([14, 15]);
    expect(allValid(r.dataOut)).toBe(true);
  });

  it.each(["udp", "icmpv6", "tcp"] as const)("swaps MACs and rewrites IPv6 addresses of %s with valid checksums", async (l4) => {
    const base = eth({ src: "02:00:00:00:00:0a", dst: "02:00:00:00:00:0b" }).ipv6({ src: "fd00::1", dst: "2001:db8::ff" });
    const frame = (l4 === "udp" ? base.udp({ dport: 53 }) : l4 === "tcp" ? base.tcp({ dport: 80 }) : base.icmpv6({ type: 128 })).payload("hello").build();
    const r = await run("reflect", frame);
    expect(r.retval).toBe(XdpVerdict.Tx);
    const out = r.dataOut;
    expect(out.subarray(0, 6)).toEqual(frame.subarray(6, 12));
    expect(out.subarray(6, 12)).toEqual(frame.subarray(0, 6));
    expect(out.subarray(22, 38)).toEqual(frame.subarray(38, 54));
    const incremented = Buffer.from(frame.subarray(22, 38));
    incremented[15] = incremented[15]! + 1;
    expect(out.subarray(38, 54)).toEqual(incremented);
    expect(checkFrame(out).checksums).toEqual({ [l4]: true });
  });

  it.each(["udp", "tcp"] as const)("exchanges IPv4 addresses, and TOS with TTL, of %s with valid checksums", async (l4) => {
    const base = eth().ipv4({ src: "10.0.0.1", dst: "192.168.77.200", tos: 0x10, ttl: 33 });
    const frame = (l4 === "udp" ? base.udp({ dport: 53 }) : base.tcp({ dport: 80 })).payload("hello").build();
    const r = await run("swap", frame);
    expect(r.retval).toBe(XdpVerdict.Tx);
    expect(r.dataOut.subarray(26, 30)).toEqual(frame.subarray(30, 34));
    expect(r.dataOut.subarray(30, 34)).toEqual(frame.subarray(26, 30));
    expect([r.dataOut[15], r.dataOut[22]]).toEqual([33, 0x10]);
    expect(checkFrame(r.dataOut).checksums).toEqual({ ipv4: true, [l4]: true });
  });

  it.each(["udp", "icmpv6"] as const)("exchanges IPv6 addresses of %s, checksums untouched and valid", async (l4) => {
    const base = eth().ipv6({ src: "fd00::1", dst: "2001:db8::ff" });
    const frame = (l4 === "udp" ? base.udp({ dport: 53 }) : base.icmpv6({ type: 128 })).payload("hello").build();
    const r = await run("swap", frame);
    expect(r.retval).toBe(XdpVerdict.Tx);
    expect(r.dataOut.subarray(22, 38)).toEqual(frame.subarray(38, 54));
    expect(r.dataOut.subarray(38, 54)).toEqual(frame.subarray(22, 38));
    expect(changedBytes(frame, r.dataOut).every((i) => i >= 22 && i < 54)).toBe(true);
    expect(checkFrame(r.dataOut).checksums).toEqual({ [l4]: true });
  });

  it("answers ARP in place: target MAC from the sender, operation reply", async () => {
    const frame = eth().arp({ op: 1, senderMac: "02:11:22:33:44:55" }).build();
    const r = await run("reflect", frame);
    expect(r.dataOut.readUInt16BE(20)).toBe(2);
    expect(r.dataOut.subarray(32, 38)).toEqual(Buffer.from([2, 0x11, 0x22, 0x33, 0x44, 0x55]));
  });
});
