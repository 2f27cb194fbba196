// Tests of the packet crafting library: byte layouts written by hand from the RFCs, checksums, and tcpdump's reading of a pcap.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packet, type Packet } from "../../compiler/testing/index.js";
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

/** UDP 1 -> 2 whose checksum computes to 0: with payload 0x0000 the checksum is ~S; with payload ~S the sum is S + ~S = 0xffff. */
function zeroSumUdp(start: () => Packet): Buffer {
  const probe = start().udp({ sport: 1, dport: 2 }).payload(Buffer.alloc(2)).build();
  return start().udp({ sport: 1, dport: 2 }).payload(probe.subarray(-4, -2)).build();
}

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

describe("VLAN and tunnel layers (byte layouts from the RFCs)", () => {
  it(".vlan() tags the Ethernet header before it: 802.1ad outside 802.1Q for two, 802.1Q alone, TPID as given", () => {
    const qinq = packet.eth().vlan(10).vlan({ vid: 20, pcp: 5 }).ipv4().tcp().build();
    expect(qinq).toEqual(eth({ vlans: [10, { vid: 20, pcp: 5 }] }).ipv4().tcp().build());
    expect(qinq.subarray(12, 22).toString("hex")).toBe("88a8000a8100a0140800");
    expect(packet.eth().vlan(4095).ipv6().build().subarray(12, 18).toString("hex")).toBe("81000fff86dd");
    expect(eth({ vlans: [7] }).vlan({ vid: 8, dei: true }).build().subarray(12, 20).toString("hex")).toBe("88a800078100100" + "8");
    expect(packet.eth().vlan({ vid: 1, tpid: 0x9100 }).vlan({ vid: 2, tpid: 0x8100 }).build().subarray(12, 20).toString("hex")).toBe("9100000181000002");
    expect(() => packet.ipv4().vlan(1)).toThrow(/follow .eth/);
  });

  it("GRE with C, K and S: flags word 0xb000, then checksum and reserved1, key, sequence (RFC 2784, RFC 2890)", () => {
    const pkt = packet.eth().ipv4().gre({ checksum: true, key: 0xdeadbeef, sequence: 7 }).ipv4().build();
    expect(pkt[14 + 9]).toBe(47);
    const gre = pkt.subarray(34);
    expect(gre.readUInt16BE(0)).toBe(0xb000);
    expect(gre.readUInt16BE(2)).toBe(0x0800);
    expect(gre.readUInt16BE(6)).toBe(0); // reserved1
    expect(gre.readUInt32BE(8)).toBe(0xdeadbeef);
    expect(gre.readUInt32BE(12)).toBe(7);
    expect(gre[16]).toBe(0x45); // the inner IPv4 header follows the 16-byte GRE header
    expect(pkt.readUInt16BE(16)).toBe(20 + 16 + 20);
  });

  it("GRE without options is 4 bytes, announces what follows, and is IPv6 next header 47", () => {
    expect(packet.eth().ipv6().gre().ipv6().build().subarray(54, 58).toString("hex")).toBe("000086dd");
    expect(packet.eth().ipv6().gre().ipv6().build()[14 + 6]).toBe(47);
    expect(packet.eth().ipv4().gre({ key: 1 }).eth().build().subarray(34, 42).toString("hex")).toBe("2000655800000001");
    expect(packet.eth().ipv4().gre({ sequence: 2, protocolType: 0x88be }).build().subarray(34, 42).toString("hex")).toBe("100088be00000002");
  });

  it("Geneve: version 0 and option length in 4-byte words in the first byte, O and C flags, protocol type, VNI (RFC 8926)", () => {
    const opts = hex("0102 80 01 12345678");
    const pkt = packet.eth().ipv4().udp().geneve({ vni: 0xabcdef, options: opts, oam: true, critical: true }).eth().ipv4().build();
    expect(pkt.readUInt16BE(34 + 2)).toBe(6081);
    const g = pkt.subarray(42);
    expect(g[0]).toBe(0x02); // version 0 (top 2 bits), 2 words of options
    expect(g[1]).toBe(0xc0);
    expect(g.readUInt16BE(2)).toBe(0x6558);
    expect(g.subarray(4, 8).toString("hex")).toBe("abcdef00");
    expect(g.subarray(8, 16)).toEqual(opts);
    expect(g.readUInt16BE(16 + 12)).toBe(0x0800); // the inner frame's EtherType
    expect(packet.eth().ipv6().udp().geneve(5).ipv6().build().subarray(62, 70).toString("hex")).toBe("000086dd00000500");
    expect(packet.eth().ipv4().udp({ dport: 7000 }).geneve(5).build().readUInt16BE(36)).toBe(7000);
    expect(() => packet.eth().ipv4().udp().geneve({ vni: 1, options: Buffer.alloc(6) }).build()).toThrow(/multiple of 4/);
  });

  it("VXLAN takes a VNI or options, sets the I flag, and makes UDP default to port 4789 (RFC 7348)", () => {
    const pkt = packet.eth().vlan(10).ipv4().udp().vxlan(42).eth().ipv4().build();
    expect(pkt.readUInt16BE(18 + 20 + 2)).toBe(4789);
    expect(pkt.subarray(46, 54).toString("hex")).toBe("080000000000" + "2a00");
    expect(packet.eth().ipv4().udp().vxlan({ vni: 42 }).eth().build()).toEqual(packet.eth().ipv4().udp().vxlan(42).eth().build());
    expect(packet.eth().ipv4().udp({ dport: 8472 }).vxlan(1).build().readUInt16BE(36)).toBe(8472);
    expect(packet.eth().ipv4().udp().build().readUInt16BE(36)).toBe(80);
  });

  it("IP in IP: protocol 4 and 41 in IPv4 and IPv6, outer lengths counting the inner packet", () => {
    const cases = [[packet.ipv4().ipv4(), 9, 4], [packet.ipv4().ipv6(), 9, 41], [packet.ipv6().ipv4(), 6, 4], [packet.ipv6().ipv6(), 6, 41]] as const;
    for (const [p, at, proto] of cases) {
      const pkt = p.tcp().payload("abc").build();
      expect(pkt[at]).toBe(proto);
      if (at === 9) expect(pkt.readUInt16BE(2)).toBe(pkt.length);
      else expect(pkt.readUInt16BE(4)).toBe(pkt.length - 40);
    }
  });

  it("an IPv6 authentication header counts its length in 4-byte words minus 2 (RFC 4302)", () => {
    const pkt = packet.ipv6().ipv6Ext({ type: 51 }).udp().build();
    expect(pkt[6]).toBe(51);
    expect(pkt.subarray(40, 56).toString("hex")).toBe("1102000000000100000000010000" + "0000");
    expect(pkt.readUInt16BE(4)).toBe(16 + 8);
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

  it("the GRE checksum covers the GRE header and payload (tcpdump does not verify it)", () => {
    for (const p of [packet.eth().ipv4().gre({ checksum: true }).ipv4().udp().payload("odd"), packet.eth().ipv6().gre({ checksum: true, key: 9, sequence: 1 }).eth().ipv6().tcp()]) {
      const pkt = p.build(), gre = pkt.subarray(pkt.readUInt16BE(12) === 0x0800 ? 34 : 54);
      expect(gre[0]! & 0x80).toBe(0x80);
      expect(sum16(gre)).toBe(0xffff);
    }
  });

  it("a UDP checksum that computes to 0 is sent as 0xffff, over IPv4 and over IPv6 (RFC 768, RFC 8200)", () => {
    for (const start of [() => packet.eth().ipv4(), () => packet.eth().ipv6()]) {
      const pkt = zeroSumUdp(start), l4 = pkt.readUInt16BE(12) === 0x0800 ? 34 : 54, seg = pkt.subarray(l4);
      expect(seg.readUInt16BE(6)).toBe(0xffff);
      const pseudo = l4 === 34 ? pseudo4(pkt.subarray(14, 34), 17, seg.length) : pseudo6(pkt.subarray(14, 54), 17, seg.length);
      expect(sum16(Buffer.concat([pseudo, seg]))).toBe(0xffff);
    }
  });

  it("ICMP covers the message alone, and inner checksums use the inner IP header's pseudo-header", () => {
    const icmp = packet.eth().ipv4().icmp({ id: 3 }).payload("ping").build().subarray(34);
    expect(sum16(icmp)).toBe(0xffff);
    const pkt = packet.eth().ipv4().udp().vxlan(1).eth().ipv6({ src: "fd01::1" }).tcp().payload("x").build();
    const inner = pkt.subarray(50 + 14), seg = inner.subarray(40);
    expect(sum16(Buffer.concat([pseudo6(inner, 6, seg.length), seg]))).toBe(0xffff);
    expect(sum16(pkt.subarray(14, 34))).toBe(0xffff);
  });
});

const tcpdump = spawnSync("tcpdump", ["--version"], { stdio: "ignore" }).status === 0;

/** What tcpdump -vv prints for a bad checksum (IPv4 "bad cksum", TCP "incorrect", UDP/ICMPv6 "[bad ... cksum", ICMP "wrong icmp cksum") or a broken header. */
const BAD = /bad|incorrect|wrong|truncated|malformed/i;

// make deps installs tcpdump, so CI runs these.
describe.skipIf(!tcpdump)("tcpdump reads the packets (skipped when tcpdump is missing)", () => {
  let dir = "";
  beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), "tsbpf-pcap-"))));
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  /** tcpdump -nn -vv -e's reading of the frames, one string per frame (a frame's lines start at its timestamp). */
  function decode(name: string, frames: Buffer[]): string[] {
    const file = join(dir, `${name}.pcap`);
    writePcap(file, frames);
    const out = execFileSync("tcpdump", ["-nn", "-vv", "-e", "-r", file], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    const each = out.split(/^(?=\d\d:\d\d:\d\d\.\d{6} )/m).filter((s) => s.trim() !== "");
    expect(each).toHaveLength(frames.length);
    return each;
  }

  it("decodes QinQ from .vlan(), VXLAN, GRE and Geneve with their inner headers, and finds no bad checksum", () => {
    const out = decode("tunnels", [
      packet.eth().vlan(10).vlan(20).ipv4({ src: "10.1.0.1", dst: "10.1.0.2" }).udp({ sport: 1111 }).vxlan(42).eth({ src: "02:00:00:00:00:aa" }).ipv4({ src: "192.168.1.1", dst: "192.168.1.2" }).tcp({ sport: 1234, dport: 80 }).build(),
      packet.eth().ipv4().gre({ checksum: true, key: 0x1234, sequence: 7 }).ipv4({ src: "172.16.0.1", dst: "172.16.0.2" }).udp({ sport: 5000, dport: 5001 }).payload("abc").build(),
      packet.eth().ipv6({ src: "fd00::a", dst: "fd00::b" }).gre({ key: 5 }).eth().ipv6({ src: "fd01::1", dst: "fd01::2" }).icmpv6({ id: 3, seq: 4 }).build(),
      packet.eth().ipv4().udp().geneve({ vni: 0x123456, options: hex("0102 80 01 12345678 ffff 01 02 aabbccdd 00112233"), oam: true, critical: true }).eth().arp({ senderIp: "10.9.0.1", targetIp: "10.9.0.2" }).build(),
      packet.eth().ipv6().udp().geneve(88).ipv6({ src: "fd02::1", dst: "fd02::2" }).udp({ sport: 9, dport: 10 }).payload("x").build(),
      packet.eth().vlan({ vid: 300, pcp: 3 }).ipv4().udp().geneve(99).ipv4({ src: "10.8.0.1", dst: "10.8.0.2" }).icmp({ id: 5, seq: 6 }).build(),
    ]);
    for (const f of out) expect(f).not.toMatch(BAD);
    expect(out[0]).toMatch(/ethertype 802\.1Q-QinQ \(0x88a8\).*vlan 10, p 0, ethertype 802\.1Q \(0x8100\), vlan 20, p 0, ethertype IPv4/s);
    expect(out[0]).toMatch(/10\.1\.0\.1\.1111 > 10\.1\.0\.2\.4789: \[udp sum ok\] VXLAN, flags \[I\] \(0x08\), vni 42\n\s*02:00:00:00:00:aa > /);
    expect(out[0]).toMatch(/192\.168\.1\.1\.1234 > 192\.168\.1\.2\.80: Flags \[S\], cksum 0x[0-9a-f]{4} \(correct\)/);
    expect(out[1]).toMatch(/proto GRE \(47\).*GREv0, Flags \[checksum present, key present, sequence# present\], sum 0x[0-9a-f]{4}, off 0x0, key=0x1234, seq 7, proto IPv4 \(0x0800\)/s);
    expect(out[1]).toMatch(/172\.16\.0\.1\.5000 > 172\.16\.0\.2\.5001: \[udp sum ok\]/);
    expect(out[2]).toMatch(/next-header GRE \(47\).*fd00::a > fd00::b: GREv0, Flags \[key present\], key=0x5, proto TEB \(0x6558\)/s);
    expect(out[2]).toMatch(/fd01::1 > fd01::2: \[icmp6 sum ok\] ICMP6, echo request, id 3, seq 4/);
    expect(out[3]).toMatch(/\.6081: \[udp sum ok\] Geneve, Flags \[OC\], vni 0x123456, proto TEB \(0x6558\), options \[class [^\]]*\(0x102\) type 0x80\(C\) len 8 data 12345678, class [^\]]*\(0xffff\) type 0x1 len 12 data aabbccdd 00112233\]/);
    expect(out[3]).toMatch(/Request who-has 10\.9\.0\.2 tell 10\.9\.0\.1/);
    expect(out[4]).toMatch(/fd00::1\.40000 > fd00::2\.6081: \[udp sum ok\] Geneve, Flags \[none\], vni 0x58, proto IPv6 \(0x86dd\)/);
    expect(out[4]).toMatch(/fd02::1\.9 > fd02::2\.10: \[udp sum ok\]/);
    expect(out[5]).toMatch(/ethertype 802\.1Q \(0x8100\).*vlan 300, p 3, ethertype IPv4/s);
    expect(out[5]).toMatch(/Geneve, Flags \[none\], vni 0x63, proto IPv4 \(0x0800\)/);
    expect(out[5]).toMatch(/10\.8\.0\.1 > 10\.8\.0\.2: ICMP echo request, id 5, seq 6/);
  });

  it("decodes IP in IP, IPv6 extension headers and AH, and UDP checksums computed as 0 and sent as 0xffff", () => {
    const out = decode("ip-in-ip", [
      packet.eth().ipv4({ src: "10.0.0.1", dst: "10.0.0.2" }).ipv4({ src: "1.1.1.1", dst: "2.2.2.2" }).tcp({ sport: 11, dport: 12 }).build(),
      packet.eth().ipv4().ipv6({ src: "fd03::1", dst: "fd03::2" }).udp({ sport: 7, dport: 8 }).build(),
      packet.eth().ipv6().ipv4({ src: "3.3.3.3", dst: "4.4.4.4" }).icmp({ id: 21, seq: 22 }).build(),
      packet.eth().ipv6().ipv6({ src: "fd04::1", dst: "fd04::2" }).tcp({ sport: 5, dport: 6 }).build(),
      packet.eth().ipv6().ipv6Ext({ type: 51 }).tcp({ sport: 5, dport: 6 }).build(),
      packet.eth().ipv6().ipv6Ext({ type: 0 }).ipv6Ext({ type: 60 }).ipv6Ext({ type: 43 }).ipv6Ext({ type: 44, id: 9 }).udp({ sport: 5, dport: 6 }).build(),
      zeroSumUdp(() => packet.eth().ipv4()),
      zeroSumUdp(() => packet.eth().ipv6()),
    ]);
    for (const f of out) expect(f).not.toMatch(BAD);
    expect(out[0]).toMatch(/proto IPIP \(4\), length 60\)\s+10\.0\.0\.1 > 10\.0\.0\.2: \(.*proto TCP \(6\), length 40\)\s+1\.1\.1\.1\.11 > 2\.2\.2\.2\.12: .*cksum 0x[0-9a-f]{4} \(correct\)/s);
    expect(out[1]).toMatch(/proto IPv6 \(41\), length 68\).*payload length: 8\) fd03::1\.7 > fd03::2\.8: \[udp sum ok\]/s);
    expect(out[2]).toMatch(/next-header IPIP \(4\) payload length: 28\).*proto ICMP \(1\), length 28\)\s+3\.3\.3\.3 > 4\.4\.4\.4: ICMP echo request, id 21, seq 22/s);
    expect(out[3]).toMatch(/next-header IPv6 \(41\) payload length: 60\).*fd04::1\.5 > fd04::2\.6: .*cksum 0x[0-9a-f]{4} \(correct\)/s);
    expect(out[4]).toMatch(/next-header AH \(51\).*AH\(length=2\(16-bytes\),spi=0x00000100,seq=0x1,.*cksum 0x[0-9a-f]{4} \(correct\)/s);
    expect(out[5]).toMatch(/HBH .* DSTOPT .* RT6 \(len=0, type=0.*frag \(0x00000009:0\|8\) 5 > 6: UDP/s);
    for (const f of out.slice(6)) expect(f).toMatch(/\.1 > .*\.2: \[udp sum ok\] UDP, length 2/);
  });

  it("reports overridden checksums as bad, so the checks above can fail", () => {
    const out = decode("bad", [
      packet.eth().ipv4({ checksum: 1 }).build(),
      packet.eth().ipv4().tcp({ checksum: 5 }).build(),
      packet.eth().ipv6().udp({ checksum: 5 }).build(),
      packet.eth().ipv4().icmp({ checksum: 5 }).build(),
      packet.eth().ipv6().icmpv6({ checksum: 5 }).build(),
      packet.eth().ipv6().udp({ checksum: 0 }).build(), // 0 is "no checksum", which IPv6 does not allow
    ]);
    for (const f of out) expect(f).toMatch(BAD);
  });

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
    expect(out).not.toMatch(BAD);
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

describe("tsbpf/testing", () => {
  it("resolves through package.json exports to the built module (dist/ is built by the global setup)", () => {
    const root = join(import.meta.dirname, "..", "..");
    const script = 'import { packet, Packet, writePcap } from "tsbpf/testing"; const f = packet.eth().vlan(10).ipv4().udp().vxlan(42).eth().build(); console.log(f.length, f instanceof Packet ? 0 : typeof writePcap);';
    expect(execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: root, encoding: "utf8" }).trim()).toBe(`${18 + 20 + 8 + 8 + 14} function`);
  });

  it("starts packets from the packet object like the eth, ipv4 and ipv6 functions", () => {
    expect(packet.eth({ src: "02:00:00:00:00:09" }).ipv4().build()).toEqual(eth({ src: "02:00:00:00:00:09" }).ipv4().build());
    expect(packet.ipv6().udp().build()).toHaveLength(48);
    expect(packet.ipv4().icmp().build()).toEqual(ipv4().icmp().build());
  });
});
