// IPv4 (RFC 791): version, IHL and options validated; non-first fragments carry no L4 header.
import { anyBit, and, atLeast, field, is, mul, noneUnlessZero, rawLoad } from "./expr.js";
import type { ProtocolSpec } from "./schema.js";

export const ipv4: ProtocolSpec = {
  name: "ipv4",
  tsName: "Ipv4",
  doc: "An IPv4 header whose version is 4, whose IHL is at least 5 and whose options lie inside the packet.",
  accessorDoc: "The IPv4 header",
  minLength: 20,
  fields: [
    { name: "version", type: "u8", doc: "Always 4.", read: { at: 0, width: 1, shift: 4 } },
    { name: "ihl", type: "u8", doc: "Header length in 32-bit words (5 to 15).", read: { at: 0, width: 1, mask: 0x0f } },
    { name: "headerLength", type: "u8", doc: "Header length in bytes, options included.", read: { expr: mul(field("ihl"), 4) } },
    { name: "tos", type: "u8", doc: "Type of service (DSCP and ECN).", read: { at: 1, width: 1 } },
    { name: "totalLength", type: "u16", doc: "Length of the datagram in bytes, header included.", read: { at: 2, width: 2 } },
    { name: "id", type: "u16", doc: "Identification, for fragment reassembly.", read: { at: 4, width: 2 } },
    { name: "isFragment", type: "bool", doc: "True when the More Fragments flag is set or the fragment offset is not 0.", read: { expr: anyBit(field("fragmentField"), 0x3fff) } },
    { name: "dontFragment", type: "bool", doc: "The Don't Fragment flag.", read: { expr: anyBit(field("fragmentField"), 0x4000) }, bit: { field: "fragmentField", mask: 0x4000 } },
    { name: "moreFragments", type: "bool", doc: "The More Fragments flag.", read: { expr: anyBit(field("fragmentField"), 0x2000) }, bit: { field: "fragmentField", mask: 0x2000 } },
    { name: "fragmentOffset", type: "u16", doc: "Fragment offset in 8-byte units.", read: { expr: and(field("fragmentField"), 0x1fff) } },
    { name: "fragmentField", type: "u16", doc: "The flags and fragment offset as one 16-bit field.", read: { at: 6, width: 2 } },
    { name: "ttl", type: "u8", doc: "Time to live.", read: { at: 8, width: 1 } },
    { name: "protocol", type: "u8", doc: "The protocol that follows (IpProto).", read: { at: 9, width: 1 } },
    { name: "checksum", type: "u16", doc: "Header checksum.", read: { at: 10, width: 2 } },
    { name: "saddr", type: "u32", doc: "Source address, host byte order.", read: { at: 12, width: 4 } },
    { name: "daddr", type: "u32", doc: "Destination address, host byte order.", read: { at: 16, width: 4 } },
  ],
  validity: [
    { expr: is(field("version"), 4), doc: "version is 4" },
    { expr: atLeast(field("ihl"), 5), doc: "IHL is at least 5" },
  ],
  length: mul(field("ihl"), 4),
  maxLength: 60,
  checksum: { at: 10 },
  optionsAt: 20,
  pseudoHeader: ["saddr", "daddr"],
  // a later fragment has no L4 header: only whether the offset is 0 matters, so its bits are tested as they lie
  nextSelector: noneUnlessZero(and(rawLoad(6, 2), 0xff1f), field("protocol")),
  carriedBy: { eth: 0x0800, ipv4: { selector: 4, accessor: "ipip" }, ipv6: { selector: 4, accessor: "ipip" }, gre: 0x0800, geneve: 0x0800 },
};
