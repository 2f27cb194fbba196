// 802.1Q / 802.1ad VLAN tags, reached by index from the Ethernet header (eth.vlan(0) is the outer tag).
import { add, anyBit, field, INDEX, mul } from "./expr.js";
import type { ProtocolSpec } from "./schema.js";

export const vlan: ProtocolSpec = {
  name: "vlan",
  tsName: "Vlan",
  doc: "A VLAN tag (802.1Q or 802.1ad) of an Ethernet header: its TPID and tag control information.",
  accessorDoc: "The VLAN tag at index (0: outermost), or null when the frame has fewer tags",
  minLength: 4,
  fields: [
    { name: "tpid", type: "u16", doc: "Tag protocol identifier: 0x8100 (802.1Q) or 0x88a8 (802.1ad).", read: { at: 0, width: 2 } },
    { name: "tci", type: "u16", doc: "Tag control information: PCP, DEI and VID.", read: { at: 2, width: 2 } },
    { name: "vid", type: "u16", doc: "VLAN identifier (12 bits).", read: { at: 2, width: 2, mask: 0xfff } },
    { name: "pcp", type: "u8", doc: "Priority code point (3 bits).", read: { at: 2, width: 1, shift: 5 } },
    { name: "dei", type: "bool", doc: "Drop eligible indicator.", read: { expr: anyBit(field("tci"), 0x1000) }, bit: { field: "tci", mask: 0x1000 } },
  ],
  indexed: { parent: "eth", accessor: "vlan", max: 2, offset: add(12, mul(4, INDEX)), count: field("vlanCount") },
  carriedBy: {},
};
