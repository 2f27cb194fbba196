// IPv6 (RFC 8200): the fixed 40-byte header, then up to 8 extension headers walked to find the upper-layer protocol.
import { add, and, choose, equals, extLoad, field, is, LENGTH, mul, NEXT_PROTO, NO_NEXT, num, sub } from "./expr.js";
import type { ProtocolSpec } from "./schema.js";

export const ipv6: ProtocolSpec = {
  name: "ipv6",
  tsName: "Ipv6",
  doc: "An IPv6 header whose version is 6; its upper-layer accessors look past up to 8 extension headers (hop-by-hop, routing, fragment, destination options, AH).",
  accessorDoc: "The IPv6 header",
  minLength: 40,
  fields: [
    { name: "version", type: "u8", doc: "Always 6.", read: { at: 0, width: 1, shift: 4 } },
    { name: "trafficClass", type: "u8", doc: "Traffic class (DSCP and ECN).", read: { at: 0, width: 2, shift: 4, mask: 0xff } },
    { name: "flowLabel", type: "u32", doc: "Flow label (20 bits).", read: { at: 0, width: 4, mask: 0xfffff } },
    { name: "payloadLength", type: "u16", doc: "Length of the payload in bytes, extension headers included.", read: { at: 4, width: 2 } },
    { name: "nextHeader", type: "u8", doc: "The header that follows (IpProto).", read: { at: 6, width: 1 } },
    { name: "hopLimit", type: "u8", doc: "Hop limit.", read: { at: 7, width: 1 } },
    { name: "saddr", type: "ipv6addr", doc: "Source address.", read: { at: 8, width: 16 } },
    { name: "daddr", type: "ipv6addr", doc: "Destination address.", read: { at: 24, width: 16 } },
    { name: "l4Protocol", type: "u8", doc: "The upper-layer protocol after the extension headers (IpProto), or 59 (no next header) when the chain is malformed, longer than 8, or the packet is a non-first fragment.", read: { expr: choose(equals(NEXT_PROTO, NO_NEXT), 59, NEXT_PROTO) } },
    { name: "extensionLength", type: "u16", doc: "The bytes of extension headers between the fixed header and the upper layer.", read: { expr: sub(LENGTH, 40) } },
  ],
  validity: [{ expr: is(field("version"), 6), doc: "version is 6" }],
  pseudoHeader: ["saddr", "daddr"],
  nextSelector: field("nextHeader"),
  chain: {
    max: 8,
    minLength: 8,
    headers: [
      { selectors: [0, 43, 60], length: mul(add(extLoad(1, 1), 1), 8), next: extLoad(0, 1), doc: "hop-by-hop, routing, destination options: (length + 1) * 8 bytes" },
      { selectors: [51], length: mul(add(extLoad(1, 1), 2), 4), next: extLoad(0, 1), doc: "authentication header: (length + 2) * 4 bytes" },
      { selectors: [44], length: num(8), next: extLoad(0, 1), endsWhen: and(extLoad(2, 2), 0xfff8), doc: "fragment: 8 bytes; a non-first fragment has no upper-layer header" },
    ],
  },
  carriedBy: { eth: 0x86dd, ipv4: { selector: 41, accessor: "ipv6in4" }, ipv6: { selector: 41, accessor: "ipv6in6" }, gre: 0x86dd, geneve: 0x86dd },
};
