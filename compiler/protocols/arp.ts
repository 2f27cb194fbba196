// ARP (RFC 826) for IPv4 over Ethernet: hardware type 1, protocol 0x0800, address lengths 6 and 4.
import { field, is, load } from "./expr.js";
import type { ProtocolSpec } from "./schema.js";

export const arp: ProtocolSpec = {
  name: "arp",
  tsName: "Arp",
  doc: "An ARP packet for IPv4 over Ethernet (hardware type 1, protocol type 0x0800, address lengths 6 and 4).",
  accessorDoc: "The ARP packet",
  minLength: 28,
  fields: [
    { name: "hardwareType", type: "u16", doc: "Always 1 (Ethernet).", read: { at: 0, width: 2 } },
    { name: "protocolType", type: "u16", doc: "Always 0x0800 (IPv4).", read: { at: 2, width: 2 } },
    { name: "operation", type: "u16", doc: "1 for a request, 2 for a reply.", read: { at: 6, width: 2 } },
    { name: "senderMac", type: "mac", doc: "Sender hardware address.", read: { at: 8, width: 6 } },
    { name: "targetMac", type: "mac", doc: "Target hardware address.", read: { at: 18, width: 6 } },
    { name: "senderIp", type: "u32", doc: "Sender protocol address, host byte order.", read: { at: 14, width: 4 } },
    { name: "targetIp", type: "u32", doc: "Target protocol address, host byte order.", read: { at: 24, width: 4 } },
  ],
  validity: [
    { expr: is(field("hardwareType"), 1), doc: "hardware type is Ethernet" },
    { expr: is(field("protocolType"), 0x0800), doc: "protocol type is IPv4" },
    { expr: is(load(4, 2), 0x0604), doc: "address lengths are 6 and 4" },
  ],
  carriedBy: { eth: 0x0806 },
};
