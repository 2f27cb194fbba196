// readPcap: the frames of classic pcap files, in either byte order and with either timestamp precision; clear errors otherwise.
import { describe, expect, it } from "vitest";
import { eth, pcap, readPcap } from "../../compiler/testing/index.js";

const frames = [eth().ipv4().udp({ dport: 53 }).build(), eth().ipv6().tcp({ dport: 22 }).build(), Buffer.alloc(0), eth().arp().build()];

/** A pcap file written by hand: header fields in the given byte order, records of the frames. */
function handMade(frameList: Buffer[], { big = false, magic = 0xa1b2c3d4, linkType = 1, major = 2 } = {}): Buffer {
  const u16 = (n: number) => { const b = Buffer.alloc(2); big ? b.writeUInt16BE(n) : b.writeUInt16LE(n); return b; };
  const u32 = (n: number) => { const b = Buffer.alloc(4); big ? b.writeUInt32BE(n) : b.writeUInt32LE(n); return b; };
  const header = Buffer.concat([u32(magic), u16(major), u16(4), u32(0), u32(0), u32(262144), u32(linkType)]);
  const records = frameList.map((f, i) => Buffer.concat([u32(1_700_000_000 + i), u32(123_456_789), u32(f.length), u32(f.length + 10), f]));
  return Buffer.concat([header, ...records]);
}

describe("readPcap", () => {
  it("reads back what pcap() writes", () => {
    expect(readPcap(pcap(frames))).toEqual(frames);
  });

  it("reads an empty capture", () => {
    expect(readPcap(pcap([]))).toEqual([]);
  });

  it("reads a big-endian file", () => {
    const file = handMade(frames, { big: true });
    expect(file.subarray(0, 4)).toEqual(Buffer.from([0xa1, 0xb2, 0xc3, 0xd4]));
    expect(readPcap(file)).toEqual(frames);
  });

  it("reads nanosecond-precision files in both byte orders", () => {
    expect(readPcap(handMade(frames, { magic: 0xa1b23c4d }))).toEqual(frames);
    expect(readPcap(handMade(frames, { magic: 0xa1b23c4d, big: true }))).toEqual(frames);
  });

  it("gives copies, not views of the file", () => {
    const file = pcap(frames);
    const [first] = readPcap(file);
    file.fill(0);
    expect(first).toEqual(frames[0]);
  });

  it("rejects a truncated file: a record cut short, a record header cut short, a header cut short", () => {
    const file = pcap(frames);
    expect(() => readPcap(file.subarray(0, file.length - 1))).toThrow(/the pcap is truncated: packet 4 claims \d+ bytes, \d+ remain/);
    expect(() => readPcap(file.subarray(0, 24 + 8))).toThrow(/the pcap is truncated: packet 1's record header is cut short/);
    expect(() => readPcap(file.subarray(0, 10))).toThrow(/not a pcap file: 10 bytes are too few/);
  });

  it("rejects text, pcapng, other link types and other versions", () => {
    expect(() => readPcap(Buffer.from("these are not the packets you are looking for\n"))).toThrow(/^not a pcap file \(it starts with 0x74686573/);
    const pcapng = Buffer.alloc(28);
    pcapng.writeUInt32LE(0x0a0d0d0a, 0);
    expect(() => readPcap(pcapng)).toThrow(/pcapng/);
    expect(() => readPcap(handMade(frames, { linkType: 101 }))).toThrow(/link type is 101, and only Ethernet/);
    expect(() => readPcap(handMade(frames, { major: 1 }))).toThrow(/unsupported pcap version 1\.4/);
  });
});
