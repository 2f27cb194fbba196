// UDP (RFC 768).
import { field } from "./expr.js";
import type { ProtocolSpec } from "./schema.js";

export const udp: ProtocolSpec = {
  name: "udp",
  tsName: "Udp",
  doc: "A UDP header.",
  accessorDoc: "The UDP header",
  minLength: 8,
  fields: [
    { name: "sport", type: "u16", doc: "Source port.", read: { at: 0, width: 2 } },
    { name: "dport", type: "u16", doc: "Destination port.", read: { at: 2, width: 2 } },
    { name: "length", type: "u16", doc: "Length of header and payload in bytes.", read: { at: 4, width: 2 } },
    { name: "checksum", type: "u16", doc: "Checksum (0 when unused over IPv4).", read: { at: 6, width: 2 } },
  ],
  checksum: { at: 6, pseudoHeader: true, zeroMeansNone: true },
  nextSelector: field("dport"),
  selectorInPacketOrder: true,
  carriedBy: { ipv4: 17, ipv6: 17 },
};
