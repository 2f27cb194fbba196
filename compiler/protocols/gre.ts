// GRE (RFC 2784, RFC 2890): version 0 with optional checksum, key and sequence number; carries Ethernet, IPv4 or IPv6.
import { add, anyBit, choose, field, is, num } from "./expr.js";
import type { ProtocolSpec } from "./schema.js";

/** 4 bytes when the flag field is set, else none. */
const ifSet = (flag: string) => choose(field(flag), 4, 0);

export const gre: ProtocolSpec = {
  name: "gre",
  tsName: "Gre",
  doc: "A GRE header of version 0 whose optional checksum, key and sequence fields lie inside the packet.",
  accessorDoc: "The GRE header (IP protocol 47)",
  minLength: 4,
  fields: [
    { name: "hasChecksum", type: "bool", doc: "C flag: the checksum field is present.", read: { expr: anyBit(field("flagsVersion"), 0x8000) } },
    { name: "hasKey", type: "bool", doc: "K flag: the key field is present.", read: { expr: anyBit(field("flagsVersion"), 0x2000) } },
    { name: "hasSequence", type: "bool", doc: "S flag: the sequence number field is present.", read: { expr: anyBit(field("flagsVersion"), 0x1000) } },
    { name: "flagsVersion", type: "u16", doc: "The flags and version word.", read: { at: 0, width: 2 } },
    { name: "version", type: "u8", doc: "Always 0.", read: { at: 1, width: 1, mask: 0x07 } },
    { name: "protocolType", type: "u16", doc: "The EtherType of the payload (0x6558: Ethernet).", read: { at: 2, width: 2 } },
    { name: "checksum", type: "u16", doc: "The checksum, or 0 when absent.", read: { at: num(4), width: 2, present: field("hasChecksum") } },
    { name: "key", type: "u32", doc: "The key, or 0 when absent.", read: { at: add(4, ifSet("hasChecksum")), width: 4, present: field("hasKey") } },
    { name: "sequence", type: "u32", doc: "The sequence number, or 0 when absent.", read: { at: add(add(4, ifSet("hasChecksum")), ifSet("hasKey")), width: 4, present: field("hasSequence") } },
  ],
  validity: [{ expr: is(field("version"), 0), doc: "version is 0" }],
  length: add(add(add(4, ifSet("hasChecksum")), ifSet("hasKey")), ifSet("hasSequence")),
  maxLength: 16,
  nextSelector: field("protocolType"),
  selectorInPacketOrder: true,
  carriedBy: { ipv4: 47, ipv6: 47 },
};
