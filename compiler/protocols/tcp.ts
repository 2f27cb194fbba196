// TCP (RFC 9293): data offset validated, options inside the packet.
import { anyBit, atLeast, field, mul } from "./expr.js";
import type { ProtocolSpec } from "./schema.js";

export const tcp: ProtocolSpec = {
  name: "tcp",
  tsName: "Tcp",
  doc: "A TCP header whose data offset is at least 5 and whose options lie inside the packet.",
  accessorDoc: "The TCP header",
  minLength: 20,
  fields: [
    { name: "sport", type: "u16", doc: "Source port.", read: { at: 0, width: 2 } },
    { name: "dport", type: "u16", doc: "Destination port.", read: { at: 2, width: 2 } },
    { name: "seq", type: "u32", doc: "Sequence number.", read: { at: 4, width: 4 } },
    { name: "ackSeq", type: "u32", doc: "Acknowledgement number.", read: { at: 8, width: 4 } },
    { name: "dataOffset", type: "u8", doc: "Header length in 32-bit words (5 to 15).", read: { at: 12, width: 1, shift: 4 } },
    { name: "flags", type: "u8", doc: "The eight flag bits (CWR ECE URG ACK PSH RST SYN FIN).", read: { at: 13, width: 1 } },
    { name: "fin", type: "bool", doc: "FIN flag.", read: { expr: anyBit(field("flags"), 0x01) }, bit: { field: "flags", mask: 0x01 } },
    { name: "syn", type: "bool", doc: "SYN flag.", read: { expr: anyBit(field("flags"), 0x02) }, bit: { field: "flags", mask: 0x02 } },
    { name: "rst", type: "bool", doc: "RST flag.", read: { expr: anyBit(field("flags"), 0x04) }, bit: { field: "flags", mask: 0x04 } },
    { name: "psh", type: "bool", doc: "PSH flag.", read: { expr: anyBit(field("flags"), 0x08) }, bit: { field: "flags", mask: 0x08 } },
    { name: "ack", type: "bool", doc: "ACK flag.", read: { expr: anyBit(field("flags"), 0x10) }, bit: { field: "flags", mask: 0x10 } },
    { name: "urg", type: "bool", doc: "URG flag.", read: { expr: anyBit(field("flags"), 0x20) }, bit: { field: "flags", mask: 0x20 } },
    { name: "window", type: "u16", doc: "Receive window.", read: { at: 14, width: 2 } },
    { name: "checksum", type: "u16", doc: "Checksum.", read: { at: 16, width: 2 } },
    { name: "urgentPointer", type: "u16", doc: "Urgent pointer.", read: { at: 18, width: 2 } },
  ],
  validity: [{ expr: atLeast(field("dataOffset"), 5), doc: "data offset is at least 5" }],
  length: mul(field("dataOffset"), 4),
  maxLength: 60,
  checksum: { at: 16, pseudoHeader: true },
  optionsAt: 20,
  carriedBy: { ipv4: 6, ipv6: 6 },
};
