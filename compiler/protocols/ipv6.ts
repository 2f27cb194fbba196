// IPv6 (RFC 8200): the fixed 40-byte header.
import type { ProtocolSpec } from "./schema.js";

export const ipv6: ProtocolSpec = {
  name: "ipv6",
  tsName: "Ipv6",
  doc: "An IPv6 header whose version is 6.",
  accessorDoc: "The IPv6 header",
  minLength: 40,
  fields: [
    { name: "version", type: "u8", doc: "Always 6.", read: { at: 0, width: 1, shift: 4 } },
    { name: "trafficClass", type: "u8", doc: "Traffic class (DSCP and ECN).", read: { at: 0, width: 2, shift: 4, mask: 0xff } },
    { name: "flowLabel", type: "u32", doc: "Flow label (20 bits).", read: { at: 0, width: 4, mask: 0xfffff } },
    { name: "payloadLength", type: "u16", doc: "Length of the payload in bytes, extension headers included.", read: { at: 4, width: 2 } },
    { name: "nextHeader", type: "u8", doc: "The header that follows (IpProto).", read: { at: 6, width: 1 } },
    { name: "hopLimit", type: "u8", doc: "Hop limit.", read: { at: 7, width: 1 } },
  ],
  validity: [{ expr: "{version} == 6", doc: "version is 6" }],
  nextSelector: "{nextHeader}",
  carriedBy: { eth: 0x86dd },
};
