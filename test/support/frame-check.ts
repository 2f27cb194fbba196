// An independent checker for test frames: walks Ethernet/VLAN/IPv4/IPv6/TCP/UDP/ICMP by hand and recomputes every checksum from scratch.

/** RFC 1071: the one's complement of the one's complement sum of 16-bit big-endian words. */
function checksum(...parts: Buffer[]): number {
  const data = Buffer.concat(parts);
  let sum = 0;
  for (let i = 0; i < data.length; i += 2) sum += (data[i]! << 8) | (data[i + 1] ?? 0);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

export interface FrameChecks {
  /** Each checksum found, by layer name, and whether it is right. */
  checksums: Record<string, boolean>;
}

/** Recomputes the checksums of the frame's IP header and its upper layer (TCP, UDP, ICMP, ICMPv6). */
export function checkFrame(frame: Buffer): FrameChecks {
  const out: Record<string, boolean> = {};
  let off = 12;
  let type = frame.readUInt16BE(off);
  while (type === 0x8100 || type === 0x88a8) {
    off += 4;
    type = frame.readUInt16BE(off);
  }
  off += 2;
  let proto: number;
  let pseudo: (len: number) => Buffer;
  let l4: number;
  if (type === 0x0800) {
    const ihl = (frame[off]! & 0x0f) * 4;
    out.ipv4 = checksum(frame.subarray(off, off + ihl)) === 0;
    proto = frame[off + 9]!;
    const addrs = frame.subarray(off + 12, off + 20);
    pseudo = (len) => Buffer.concat([addrs, Buffer.from([0, proto, len >> 8, len & 0xff])]);
    l4 = off + ihl;
    if (frame.readUInt16BE(off + 6) & 0x1fff) return { checksums: out };
  } else if (type === 0x86dd) {
    proto = frame[off + 6]!;
    const addrs = frame.subarray(off + 8, off + 40);
    pseudo = (len) => Buffer.concat([addrs, Buffer.from([0, 0, len >> 8, len & 0xff, 0, 0, 0, proto])]);
    l4 = off + 40;
  } else {
    return { checksums: out };
  }
  const segment = frame.subarray(l4);
  if (proto === 6) out.tcp = checksum(pseudo(segment.length), segment) === 0;
  if (proto === 17) out.udp = segment.readUInt16BE(6) === 0 ? type === 0x0800 : checksum(pseudo(segment.length), segment) === 0;
  if (proto === 1) out.icmp = checksum(segment) === 0;
  if (proto === 58) out.icmpv6 = checksum(pseudo(segment.length), segment) === 0;
  return { checksums: out };
}

/** The offsets at which two frames of equal length differ. */
export function changedBytes(a: Buffer, b: Buffer): number[] {
  if (a.length !== b.length) throw new Error(`frames differ in length: ${a.length} and ${b.length}`);
  return [...a.keys()].filter((i) => a[i] !== b[i]);
}
