// Classic pcap files of test frames, for tcpdump, Wireshark or tcpreplay: written, and read back.
import { writeFileSync } from "node:fs";

/** A classic pcap file (LINKTYPE_ETHERNET, microsecond timestamps) holding the frames, one second apart. */
export function pcap(frames: Buffer[]): Buffer {
  const global = Buffer.alloc(24);
  global.writeUInt32LE(0xa1b2c3d4, 0);
  global.writeUInt16LE(2, 4);
  global.writeUInt16LE(4, 6);
  global.writeUInt32LE(65535, 16);
  global.writeUInt32LE(1, 20);
  const records = frames.map((f, n) => {
    const r = Buffer.alloc(16);
    r.writeUInt32LE(1_700_000_000 + n, 0);
    r.writeUInt32LE(f.length, 8);
    r.writeUInt32LE(f.length, 12);
    return Buffer.concat([r, f]);
  });
  return Buffer.concat([global, ...records]);
}

export function writePcap(path: string, frames: Buffer[]): void {
  writeFileSync(path, pcap(frames));
}

const LINKTYPE_ETHERNET = 1;
const MAGIC_MICROS = 0xa1b2c3d4;
const MAGIC_NANOS = 0xa1b23c4d;
const MAGIC_PCAPNG = 0x0a0d0d0a;

/** The frames of a classic pcap file (either byte order, micro- or nanosecond timestamps, LINKTYPE_ETHERNET only). */
export function readPcap(buf: Buffer): Buffer[] {
  if (buf.length < 24) throw new Error(`not a pcap file: ${buf.length} bytes are too few for its 24-byte header`);
  const magic = buf.readUInt32LE(0);
  if (magic === MAGIC_PCAPNG) throw new Error("this is a pcapng file, and only classic pcap is read (convert it with `editcap -F pcap`)");
  const little = magic === MAGIC_MICROS || magic === MAGIC_NANOS;
  const big = buf.readUInt32BE(0) === MAGIC_MICROS || buf.readUInt32BE(0) === MAGIC_NANOS;
  if (!little && !big) throw new Error(`not a pcap file (it starts with 0x${buf.readUInt32BE(0).toString(16).padStart(8, "0")}, not a pcap magic number)`);
  const u16 = (at: number) => (little ? buf.readUInt16LE(at) : buf.readUInt16BE(at));
  const u32 = (at: number) => (little ? buf.readUInt32LE(at) : buf.readUInt32BE(at));
  if (u16(4) !== 2) throw new Error(`unsupported pcap version ${u16(4)}.${u16(6)} (only 2.x is read)`);
  const linkType = u32(20) & 0xffff;
  if (linkType !== LINKTYPE_ETHERNET) throw new Error(`the pcap's link type is ${linkType}, and only Ethernet (LINKTYPE_ETHERNET, 1) is supported`);
  const frames: Buffer[] = [];
  for (let at = 24; at < buf.length; ) {
    const n = frames.length + 1;
    if (at + 16 > buf.length) throw new Error(`the pcap is truncated: packet ${n}'s record header is cut short`);
    const length = u32(at + 8);
    if (at + 16 + length > buf.length) throw new Error(`the pcap is truncated: packet ${n} claims ${length} bytes, ${buf.length - at - 16} remain`);
    frames.push(Buffer.from(buf.subarray(at + 16, at + 16 + length)));
    at += 16 + length;
  }
  return frames;
}
