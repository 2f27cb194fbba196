// Parsing of the MAC, IPv4 and IPv6 addresses test packets are written with, and the addresses used by default.

export type MacInput = string | Buffer; // "02:00:00:00:00:01" or 6 bytes
export type Ipv4Input = string | number | Buffer; // "10.0.0.1", a host-order u32, or 4 bytes
export type Ipv6Input = string | Buffer; // "fd00::1" or 16 bytes

/** Addresses used when a layer does not give its own. */
export const Defaults = {
  srcMac: "02:00:00:00:00:01", dstMac: "02:00:00:00:00:02",
  srcIpv4: "10.0.0.1", dstIpv4: "10.0.0.2", srcIpv6: "fd00::1", dstIpv6: "fd00::2",
} as const;

export function parseMac(mac: MacInput): Buffer {
  if (Buffer.isBuffer(mac)) return check(mac, 6, "MAC address");
  const bytes = mac.split(/[:-]/).map((h) => parseInt(h, 16));
  if (bytes.length !== 6 || bytes.some((b) => !(b >= 0 && b <= 255))) throw new Error(`bad MAC address: ${mac}`);
  return Buffer.from(bytes);
}

export function parseIpv4(addr: Ipv4Input): Buffer {
  if (Buffer.isBuffer(addr)) return check(addr, 4, "IPv4 address");
  const out = Buffer.alloc(4);
  if (typeof addr === "number") { out.writeUInt32BE(addr >>> 0); return out; }
  const parts = addr.split(".").map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) throw new Error(`bad IPv4 address: ${addr}`);
  return Buffer.from(parts);
}

export function parseIpv6(addr: Ipv6Input): Buffer {
  if (Buffer.isBuffer(addr)) return check(addr, 16, "IPv6 address");
  const halves = addr.split("::");
  if (halves.length > 2) throw new Error(`bad IPv6 address: ${addr}`);
  const groups = (s: string) => (s === "" ? [] : s.split(":"));
  const head = groups(halves[0]!), tail = halves.length === 2 ? groups(halves[1]!) : [];
  const fill = 8 - head.length - tail.length;
  if ((halves.length === 1 && fill !== 0) || (halves.length === 2 && fill < 1)) throw new Error(`bad IPv6 address: ${addr}`);
  const all = [...head, ...Array<string>(halves.length === 2 ? fill : 0).fill("0"), ...tail];
  const out = Buffer.alloc(16);
  all.forEach((g, i) => {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) throw new Error(`bad IPv6 address: ${addr}`);
    out.writeUInt16BE(parseInt(g, 16), i * 2);
  });
  return out;
}

function check(buf: Buffer, len: number, what: string): Buffer {
  if (buf.length !== len) throw new Error(`${what} must be ${len} bytes, got ${buf.length}`);
  return Buffer.from(buf);
}
