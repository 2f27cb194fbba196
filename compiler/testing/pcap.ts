// Classic pcap files of test frames, for tcpdump, Wireshark or tcpreplay.
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
