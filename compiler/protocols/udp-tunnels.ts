// Tunnels over UDP: VXLAN (RFC 7348, port 4789) and Geneve (RFC 8926, port 6081), each carrying an inner frame.
import { add, anyBit, field, is, load, mul, num } from "./expr.js";
import type { ProtocolSpec } from "./schema.js";

export const vxlan: ProtocolSpec = {
  name: "vxlan",
  tsName: "Vxlan",
  doc: "A VXLAN header (UDP destination port 4789) whose I flag is set; an Ethernet frame follows.",
  accessorDoc: "The VXLAN header (UDP destination port 4789)",
  minLength: 8,
  fields: [
    { name: "flags", type: "u8", doc: "Flags; 0x08 (I: the VNI is valid) is always set.", read: { at: 0, width: 1 } },
    { name: "vni", type: "u32", doc: "VXLAN network identifier (24 bits).", read: { at: 4, width: 4, shift: 8 } },
  ],
  validity: [{ expr: anyBit(field("flags"), 0x08), doc: "the I flag is set" }],
  // an Ethernet frame follows, announced as Transparent Ethernet Bridging like GRE and Geneve do
  nextSelector: num(0x6558),
  selectorInPacketOrder: true,
  carriedBy: { udp: 4789 },
};

export const geneve: ProtocolSpec = {
  name: "geneve",
  tsName: "Geneve",
  doc: "A Geneve header (UDP destination port 6081) of version 0 whose options lie inside the packet.",
  accessorDoc: "The Geneve header (UDP destination port 6081)",
  minLength: 8,
  fields: [
    { name: "version", type: "u8", doc: "Always 0.", read: { at: 0, width: 1, shift: 6 } },
    { name: "optionsLength", type: "u8", doc: "Length of the options in 4-byte words.", read: { at: 0, width: 1, mask: 0x3f } },
    { name: "oam", type: "bool", doc: "O flag: an OAM (control) packet.", read: { expr: anyBit(load(1, 1), 0x80) } },
    { name: "critical", type: "bool", doc: "C flag: critical options are present.", read: { expr: anyBit(load(1, 1), 0x40) } },
    { name: "protocolType", type: "u16", doc: "The EtherType of the inner packet (0x6558: Ethernet).", read: { at: 2, width: 2 } },
    { name: "vni", type: "u32", doc: "Virtual network identifier (24 bits).", read: { at: 4, width: 4, shift: 8 } },
  ],
  validity: [{ expr: is(field("version"), 0), doc: "version is 0" }],
  length: add(8, mul(field("optionsLength"), 4)),
  maxLength: 8 + 63 * 4,
  optionsAt: 8,
  nextSelector: field("protocolType"),
  selectorInPacketOrder: true,
  carriedBy: { udp: 6081 },
};
