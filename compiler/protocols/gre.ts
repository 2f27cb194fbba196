// GRE (RFC 2784, RFC 2890): version 0 with optional checksum, key and sequence number; carries Ethernet, IPv4 or IPv6.
import type { ProtocolSpec } from "./schema.js";

export const gre: ProtocolSpec = {
  name: "gre",
  tsName: "Gre",
  doc: "A GRE header of version 0 whose optional checksum, key and sequence fields lie inside the packet.",
  accessorDoc: "The GRE header (IP protocol 47)",
  minLength: 4,
  fields: [
    { name: "hasChecksum", type: "bool", doc: "C flag: the checksum field is present.", read: { expr: "({flagsVersion} & 0x8000) != 0" } },
    { name: "hasKey", type: "bool", doc: "K flag: the key field is present.", read: { expr: "({flagsVersion} & 0x2000) != 0" } },
    { name: "hasSequence", type: "bool", doc: "S flag: the sequence number field is present.", read: { expr: "({flagsVersion} & 0x1000) != 0" } },
    { name: "flagsVersion", type: "u16", doc: "The flags and version word.", read: { at: 0, width: 2 } },
    { name: "version", type: "u8", doc: "Always 0.", read: { at: 1, width: 1, mask: 0x07 } },
    { name: "protocolType", type: "u16", doc: "The EtherType of the payload (0x6558: Ethernet).", read: { at: 2, width: 2 } },
    { name: "checksum", type: "u16", doc: "The checksum, or 0 when absent.", read: { at: "4", width: 2, present: "{hasChecksum}" } },
    { name: "key", type: "u32", doc: "The key, or 0 when absent.", read: { at: "4 + ({hasChecksum} ? 4 : 0)", width: 4, present: "{hasKey}" } },
    { name: "sequence", type: "u32", doc: "The sequence number, or 0 when absent.", read: { at: "4 + ({hasChecksum} ? 4 : 0) + ({hasKey} ? 4 : 0)", width: 4, present: "{hasSequence}" } },
  ],
  validity: [{ expr: "tsbpf_is({version}, 0)", doc: "version is 0" }],
  length: "4 + ({hasChecksum} ? 4 : 0) + ({hasKey} ? 4 : 0) + ({hasSequence} ? 4 : 0)",
  maxLength: 16,
  nextSelector: "{protocolType}",
  selectorInPacketOrder: true,
  carriedBy: { ipv4: 47, ipv6: 47 },
};
