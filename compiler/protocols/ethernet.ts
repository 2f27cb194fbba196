// Ethernet II, looking through up to two 802.1Q / 802.1ad VLAN tags.
import { div, LENGTH, NEXT_PROTO, sub } from "./expr.js";
import type { ProtocolSpec } from "./schema.js";

export const ethernet: ProtocolSpec = {
  name: "eth",
  tsName: "Ethernet",
  doc: "An Ethernet II header; VLAN tags (802.1Q, 802.1ad, at most two) are looked through.",
  accessorDoc: "The Ethernet header",
  minLength: 14,
  fields: [
    { name: "dst", type: "mac", doc: "Destination MAC address.", read: { at: 0, width: 6 } },
    { name: "src", type: "mac", doc: "Source MAC address.", read: { at: 6, width: 6 } },
    { name: "etherType", type: "u16", doc: "The EtherType after any VLAN tags.", read: { expr: NEXT_PROTO } },
    { name: "vlanCount", type: "u8", doc: "How many VLAN tags precede the EtherType (0 to 2).", read: { expr: div(sub(LENGTH, 14), 4) } },
  ],
  tags: { tpids: [0x8100, 0x88a8], size: 4, max: 2, selectorAt: 12, tagSelectorAt: 2 },
  selectorInPacketOrder: true,
  carriedBy: { vxlan: 0x6558, geneve: 0x6558, gre: 0x6558 },
};
