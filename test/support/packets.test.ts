// Tests of the packet crafting library: byte layouts written by hand from the RFCs, checksums, and tcpdump's reading of a pcap.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eth, ipv4, IpProto, padTo, parseIpv4, parseIpv6, parseMac, TcpFlags, truncate, writePcap } from "./packets.js";

/** Independent one's complement sum of 16-bit words (RFC 1071), so the library's own checksum code is not trusted. */
function sum16(buf: Buffer): number {
  let s = 0;
  for (let i = 0; i < buf.length; i += 2) s += (buf[i]! << 8) + (buf[i + 1] ?? 0);
  while (s >> 16) s = (s & 0xffff) + (s >> 16);
  return s;
}

function pseudo4(ip: Buffer, proto: number, len: number): Buffer {
  return Buffer.concat([ip.subarray(12, 20), Buffer.from([0, proto, len >> 8, len & 0xff])]);
}

function pseudo6(ip: Buffer, proto: number, len: number): Buffer {
  const tail = Buffer.alloc(8);
  tail.writeUInt32BE(len, 0);
  tail[7] = proto;
  return Buffer.concat([ip.subarray(8, 40), tail]);
}

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ""), "hex");

describe("byte layouts", () => {
  it("builds the well-known IPv4 header whose checksum is 0xb861", () => {
    // 192.168.0.1 -> 192.168.0.199, DF, TTL 64, UDP, total length 115 (RFC 791 layout).
    const pkt = ipv4({ src: "192.168.0.1", dst: "192.168.0.199", dontFragment: true, protocol: IpProto.UDP }).payload(Buffer.alloc(95)).build();
    expect(pkt.subarray(0, 20).toString("hex")).toBe(hex("4500 0073 0000 4000 4011 b861 c0a8 0001 c0a8 00c7").toString("hex"));
  });

  it("builds an ARP request exactly as RFC 826 lays it out", () => {
    const pkt = eth({ dst: "ff:ff:ff:ff:ff:ff", src: "02:00:00:00:00:01" }).arp({ senderMac: "02:00:00:00:00:01", senderIp: "10.0.0.1", targetIp: "10.0.0.2" }).build();
    const expected = hex("ffffffffffff 020000000001 0806  0001 0800 06 04 0001 020000000001 0a000001 000000000000 0a000002");
    expect(pkt.toString("hex")).toBe(expected.toString("hex"));
  });

  it("puts an 802.1ad outer tag and an 802.1Q inner tag before the EtherType, and TCP after a 20-byte IPv4 header", () => {
    const pkt = eth({ vlans: [10, { vid: 20, pcp: 5 }] }).ipv4().tcp({ sport: 1234, dport: 7777 }).build();
    expect(pkt.subarray(12, 22).toString("hex")).toBe("88a8000a8100a0140800");
    expect(pkt[22]).toBe(0x45);
    expect(pkt[22 + 9]).toBe(6);
    expect(pkt.readUInt16BE(42)).toBe(1234);
    expect(pkt.readUInt16BE(44)).toBe(7777);
    expect(pkt[54]).toBe(0x50); // data offset 5
    expect(pkt[55]).toBe(TcpFlags.SYN);
    expect(pkt.length).toBe(22 + 20 + 20);
  });

  it("uses TPID 0x8100 for a single tag", () => {
    expect(eth({ vlans: [4095] }).ipv6().build().subarray(12, 18).toString("hex")).toBe("81000fff86dd");
  });

  it("lays out IPv6 (RFC 8200) with UDP after 40 bytes", () => {
    const pkt = eth().ipv6({ src: "fd77::1", dst: "fd77::2", hopLimit: 7, trafficClass: 0xab, flowLabel: 0x12345 }).udp({ dport: 7777 }).payload("hi").build();
    const ip = pkt.subarray(14);
    expect(ip.subarray(0, 8).toString("hex")).toBe("6ab12345000a1107");
    expect(ip.subarray(8, 24).toString("hex")).toBe("fd770000000000000000000000000001");
    expect(ip.subarray(24, 40)).toEqual(parseIpv6("fd77:0:0:0:0:0:0:2"));
    expect(ip.readUInt16BE(40 + 2)).toBe(7777);
    expect(ip.readUInt16BE(40 + 4)).toBe(10);
  });

  it("writes the overrides used for malformed headers", () => {
    const pkt = eth().ipv4({ ihl: 4, totalLength: 9999, moreFragments: true, fragmentOffset: 185, id: 0xbeef }).tcp({ dataOffset: 3 }).build();
    expect(pkt[14]).toBe(0x44);
    expect(pkt.readUInt16BE(16)).toBe(9999);
    expect(pkt.readUInt16BE(18)).toBe(0xbeef);
    expect(pkt.readUInt16BE(20)).toBe(0x2000 | 185);
    expect(pkt[34 + 12]).toBe(0x30);
  });

  it("pads IPv4 and TCP options to 32 bits and counts them in IHL and data offset", () => {
    const pkt = eth().ipv4({ options: Buffer.from([1, 1, 1]) }).tcp({ options: Buffer.from([2, 4, 0x05, 0xb4, 1]) }).build();
    expect(pkt[14]).toBe(0x46);
    expect(pkt[14 + 24 + 12]).toBe(0x70);
    expect(pkt.length).toBe(14 + 24 + 28);
  });

  it("truncates and pads copies", () => {
    const pkt = eth().ipv4().udp().build();
    expect(truncate(pkt, 20)).toEqual(pkt.subarray(0, 20));
    expect(() => truncate(pkt, pkt.length + 1)).toThrow();
    expect(padTo(pkt, 60).length).toBe(60);
    expect(padTo(pkt, 60).subarray(0, pkt.length)).toEqual(pkt);
  });
});

describe("addresses", () => {
  it("parses IPv6 text with and without ::, and rejects malformed text", () => {
    expect(parseIpv6("::").toString("hex")).toBe("0".repeat(32));
    expect(parseIpv6("::1").toString("hex")).toBe(`${"0".repeat(31)}1`);
    expect(parseIpv6("fd77::").toString("hex")).toBe(`fd77${"0".repeat(28)}`);
    expect(parseIpv6("2001:db8:0:1:2:3:4:ffff").toString("hex")).toBe("20010db800000001000200030004ffff");
    for (const bad of ["1::2::3", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "12345::", "g::1", "1:2:3:4::5:6:7:8"]) expect(() => parseIpv6(bad), bad).toThrow();
  });

  it("parses IPv4 and MAC addresses in every accepted form", () => {
    expect(parseIpv4("192.0.2.255").toString("hex")).toBe("c00002ff");
    expect(parseIpv4(0xc0000201).toString("hex")).toBe("c0000201");
    expect(() => parseIpv4("1.2.3.256")).toThrow();
    expect(parseMac("aa-bb-cc-dd-ee-0f").toString("hex")).toBe("aabbccddee0f");
    expect(() => parseMac("aa:bb:cc:dd:ee")).toThrow();
  });
});

describe("checksums", () => {
  it("IPv4 header checksum verifies, options included", () => {
    for (const pkt of [eth().ipv4({ ttl: 1, id: 77 }).build(), eth({ vlans: [3] }).ipv4({ options: Buffer.from([7, 7, 4, 0, 0, 0, 0, 0]) }).tcp().build()]) {
      const off = pkt.readUInt16BE(12) === 0x8100 ? 18 : 14;
      const ihl = (pkt[off]! & 0xf) * 4;
      expect(sum16(pkt.subarray(off, off + ihl))).toBe(0xffff);
    }
  });

  it("TCP and UDP checksums verify over the IPv4 pseudo-header", () => {
    for (const [l4, proto] of [[eth().ipv4({ src: "10.77.0.1", dst: "10.77.0.2" }).tcp({ dport: 7777, seq: 0x80000001, flags: TcpFlags.PSH | TcpFlags.ACK }).payload("abc"), 6], [eth().ipv4().udp({ dport: 7777 }).payload("hello"), 17]] as const) {
      const pkt = l4.build(), ip = pkt.subarray(14, 34), seg = pkt.subarray(34);
      expect(sum16(Buffer.concat([pseudo4(ip, proto, seg.length), seg]))).toBe(0xffff);
    }
  });

  it("TCP, UDP and ICMPv6 checksums verify over the IPv6 pseudo-header, past an extension header", () => {
    const cases = [[eth().ipv6().tcp({ dport: 7777 }).payload("x"), 6, 40], [eth().ipv6({ src: "2001:db8::1" }).udp().payload("odd"), 17, 40], [eth().ipv6().ipv6Ext({ type: 0 }).tcp(), 6, 48], [eth().ipv6().icmpv6(), 58, 40]] as const;
    for (const [p, proto, l4off] of cases) {
      const pkt = p.build(), ip = pkt.subarray(14), seg = ip.subarray(l4off);
      expect(sum16(Buffer.concat([pseudo6(ip, proto, seg.length), seg]))).toBe(0xffff);
    }
  });

  it("a checksum override is written as given", () => {
    expect(eth().ipv4({ checksum: 0x1234 }).build().readUInt16BE(24)).toBe(0x1234);
    expect(eth().ipv4().udp({ checksum: 0 }).build().readUInt16BE(40)).toBe(0);
  });
});

const tcpdump = (() => {
  try {
    execFileSync("tcpdump", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!tcpdump)("tcpdump reads the packets (skipped when tcpdump is missing)", () => {
  let dir = "";
  beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), "tsbpf-pcap-"))));
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  it("decodes ports and VLAN ids and finds no bad checksum", () => {
    const frames = [
      eth({ vlans: [10, 20] }).ipv4({ src: "10.0.0.1", dst: "10.0.0.2" }).tcp({ sport: 40000, dport: 7777 }).payload("data").build(),
      eth().ipv4({ options: Buffer.from([1, 1, 1, 0]) }).tcp({ sport: 1, dport: 2, options: Buffer.from([2, 4, 5, 0xb4]), flags: TcpFlags.ACK }).build(),
      eth({ vlans: [30] }).ipv4().udp({ sport: 5353, dport: 7777 }).payload("hello!!").build(),
      eth().ipv6({ src: "fd77::1", dst: "fd77::2" }).tcp({ sport: 40001, dport: 8080 }).build(),
      eth().ipv6({ src: "fd77::1", dst: "fd77::2" }).udp({ sport: 40002, dport: 7777 }).payload("odd").build(),
      eth().ipv6().icmpv6({ id: 9, seq: 3 }).build(),
      eth().ipv4().icmp({ id: 9, seq: 4 }).payload("ping").build(),
      eth({ dst: "ff:ff:ff:ff:ff:ff" }).arp({ senderIp: "10.0.0.1", targetIp: "10.0.0.2" }).build(),
    ];
    const file = join(dir, "packets.pcap");
    writePcap(file, frames);
    const out = execFileSync("tcpdump", ["-r", file, "-vv", "-n", "-e"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    expect(out).not.toMatch(/bad|incorrect|truncated|malformed/i);
    expect(out).toMatch(/802\.1Q-QinQ.*vlan 10.*vlan 20/s);
    expect(out).toContain("vlan 30");
    expect(out).toContain("10.0.0.1.40000 > 10.0.0.2.7777");
    expect(out).toContain("10.0.0.1.1 > 10.0.0.2.2");
    expect(out).toContain("10.0.0.1.5353 > 10.0.0.2.7777");
    expect(out).toContain("fd77::1.40001 > fd77::2.8080");
    expect(out).toContain("fd77::1.40002 > fd77::2.7777");
    expect(out.match(/cksum 0x[0-9a-f]{4} \(correct\)/g)?.length).toBe(3);
    expect(out.match(/udp sum ok/g)?.length).toBe(2);
    expect(out).toMatch(/mss 1460/);
    expect(out).toMatch(/ICMP6, echo request.*id 9, seq 3/s);
    expect(out).toMatch(/ICMP echo request, id 9, seq 4/);
    expect(out).toMatch(/Request who-has 10\.0\.0\.2 tell 10\.0\.0\.1/);
  });
});
