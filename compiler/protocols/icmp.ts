// ICMP (RFC 792) and ICMPv6 (RFC 4443): type, code, checksum and the echo identifier and sequence.
import type { FieldSpec, ProtocolSpec } from "./schema.js";

const fields: FieldSpec[] = [
  { name: "type", type: "u8", doc: "Message type.", read: { at: 0, width: 1 } },
  { name: "code", type: "u8", doc: "Message code.", read: { at: 1, width: 1 } },
  { name: "checksum", type: "u16", doc: "Checksum.", read: { at: 2, width: 2 } },
  { name: "id", type: "u16", doc: "Identifier of an echo request or reply.", read: { at: 4, width: 2 } },
  { name: "sequence", type: "u16", doc: "Sequence number of an echo request or reply.", read: { at: 6, width: 2 } },
];

export const icmp: ProtocolSpec = {
  name: "icmp",
  tsName: "Icmp",
  doc: "An ICMP message header (8 bytes).",
  accessorDoc: "The ICMP header",
  minLength: 8,
  fields,
  checksum: { at: 2 },
  carriedBy: { ipv4: 1 },
};

export const icmpv6: ProtocolSpec = {
  name: "icmpv6",
  tsName: "Icmpv6",
  doc: "An ICMPv6 message header (8 bytes).",
  accessorDoc: "The ICMPv6 header",
  minLength: 8,
  fields,
  checksum: { at: 2, pseudoHeader: true },
  carriedBy: { ipv6: 58 },
};
