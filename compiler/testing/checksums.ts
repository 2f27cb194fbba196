// The Internet checksum (RFC 1071) that IPv4, TCP, UDP, ICMP, ICMPv6 and GRE headers carry.

/** Sum of 16-bit big-endian words, folded to 16 bits (one's complement addition); an odd last byte is padded with zero. */
export function onesComplementSum(...parts: Buffer[]): number {
  const buf = Buffer.concat(parts);
  let sum = 0;
  for (let i = 0; i + 1 < buf.length; i += 2) sum += buf.readUInt16BE(i);
  if (buf.length % 2) sum += buf[buf.length - 1]! << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return sum;
}

/** The Internet checksum (RFC 1071): the one's complement of the one's complement sum. */
export function internetChecksum(...parts: Buffer[]): number {
  return ~onesComplementSum(...parts) & 0xffff;
}
