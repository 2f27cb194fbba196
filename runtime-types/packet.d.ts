// The packet API: header types with host-order getters and validating accessors. Generated from compiler/protocols; do not edit.

/** A MAC address: its 6 bytes in packet order. Assigning one to a header field writes it into the packet. */
interface MacAddr { bytes: FixedArray<u8, 6> }

/** An IPv6 address: its 16 bytes in packet order. Assigning one to a header field writes it and fixes the checksums that cover it. */
interface Ipv6Addr { bytes: FixedArray<u8, 16> }

/** A position in the packet: the payload of a header. Every parser accepts it, so any payload parses as a new packet; u8/u16/u32/u64(off) read big-endian values at an offset and end the program with its onError verdict when the read falls outside the packet. */
interface Cursor {
  /** The bytes from here to the end of the packet (or of the header, for options()). */
  readonly length: u32;
  /** The Ethernet header at this position, validated, or null. */
  eth(): Ethernet | null;
  /** The ARP packet at this position, validated, or null. */
  arp(): Arp | null;
  /** The IPv4 header at this position, validated, or null. */
  ipv4(): Ipv4 | null;
  /** The IPv6 header at this position, validated, or null. */
  ipv6(): Ipv6 | null;
  /** The TCP header at this position, validated, or null. */
  tcp(): Tcp | null;
  /** The UDP header at this position, validated, or null. */
  udp(): Udp | null;
  /** The ICMP header at this position, validated, or null. */
  icmp(): Icmp | null;
  /** The ICMPv6 header at this position, validated, or null. */
  icmpv6(): Icmpv6 | null;
  /** The VXLAN header (UDP destination port 4789) at this position, validated, or null. */
  vxlan(): Vxlan | null;
  /** The Geneve header (UDP destination port 6081) at this position, validated, or null. */
  geneve(): Geneve | null;
  /** The GRE header (IP protocol 47) at this position, validated, or null. */
  gre(): Gre | null;
  /** The big-endian u8 at byte offset off, in host order; a read outside the packet ends the program with its onError verdict. */
  u8(off: u32): u8;
  /** The big-endian u16 at byte offset off, in host order; a read outside the packet ends the program with its onError verdict. */
  u16(off: u32): u16;
  /** The big-endian u32 at byte offset off, in host order; a read outside the packet ends the program with its onError verdict. */
  u32(off: u32): u32;
  /** The big-endian u64 at byte offset off, in host order; a read outside the packet ends the program with its onError verdict. */
  u64(off: u32): u64;
  /** Writes value big-endian at byte offset off (no checksum is updated); outside the packet the program ends with its onError verdict. */
  setU8(off: u32, value: u8): void;
  /** Writes value big-endian at byte offset off (no checksum is updated); outside the packet the program ends with its onError verdict. */
  setU16(off: u32, value: u16): void;
  /** Writes value big-endian at byte offset off (no checksum is updated); outside the packet the program ends with its onError verdict. */
  setU32(off: u32, value: u32): void;
  /** Writes value big-endian at byte offset off (no checksum is updated); outside the packet the program ends with its onError verdict. */
  setU64(off: u32, value: u64): void;
  /** A copy of the n bytes at offset off (n a constant); outside the packet the program ends with its onError verdict. */
  bytes<N extends number>(off: u32, n: N): FixedArray<u8, N>;
}

/** An Ethernet II header; VLAN tags (802.1Q, 802.1ad, at most two) are looked through. */
interface Ethernet {
  /** Destination MAC address. Assigning it writes network order and keeps the checksums that cover it valid. */
  dst: MacAddr;
  /** Source MAC address. Assigning it writes network order and keeps the checksums that cover it valid. */
  src: MacAddr;
  /** The EtherType after any VLAN tags. */
  readonly etherType: u16;
  /** How many VLAN tags precede the EtherType (0 to 2). */
  readonly vlanCount: u8;
  /** The ARP packet that follows, validated, or null. */
  arp(): Arp | null;
  /** The IPv4 header that follows, validated, or null. */
  ipv4(): Ipv4 | null;
  /** The IPv6 header that follows, validated, or null. */
  ipv6(): Ipv6 | null;
  /** The bytes after this header: a cursor that parses them as a new packet. */
  payload(): Cursor;
  /** The VLAN tag at index (0: outermost), or null when the frame has fewer tags. */
  vlan(index: u32): Vlan | null;
}

/** A VLAN tag (802.1Q or 802.1ad) of an Ethernet header: its TPID and tag control information. */
interface Vlan {
  /** Tag protocol identifier: 0x8100 (802.1Q) or 0x88a8 (802.1ad). Assigning it writes network order and keeps the checksums that cover it valid. */
  tpid: u16;
  /** Tag control information: PCP, DEI and VID. Assigning it writes network order and keeps the checksums that cover it valid. */
  tci: u16;
  /** VLAN identifier (12 bits). Assigning it writes network order and keeps the checksums that cover it valid. */
  vid: u16;
  /** Priority code point (3 bits). Assigning it writes network order and keeps the checksums that cover it valid. */
  pcp: u8;
  /** Drop eligible indicator. Assigning it writes network order and keeps the checksums that cover it valid. */
  dei: bool;
  /** The bytes after this header: a cursor that parses them as a new packet. */
  payload(): Cursor;
}

/** An ARP packet for IPv4 over Ethernet (hardware type 1, protocol type 0x0800, address lengths 6 and 4). */
interface Arp {
  /** Always 1 (Ethernet). Assigning it writes network order and keeps the checksums that cover it valid. */
  hardwareType: u16;
  /** Always 0x0800 (IPv4). Assigning it writes network order and keeps the checksums that cover it valid. */
  protocolType: u16;
  /** 1 for a request, 2 for a reply. Assigning it writes network order and keeps the checksums that cover it valid. */
  operation: u16;
  /** Sender hardware address. Assigning it writes network order and keeps the checksums that cover it valid. */
  senderMac: MacAddr;
  /** Target hardware address. Assigning it writes network order and keeps the checksums that cover it valid. */
  targetMac: MacAddr;
  /** Sender protocol address, host byte order. Assigning it writes network order and keeps the checksums that cover it valid. */
  senderIp: u32;
  /** Target protocol address, host byte order. Assigning it writes network order and keeps the checksums that cover it valid. */
  targetIp: u32;
  /** The bytes after this header: a cursor that parses them as a new packet. */
  payload(): Cursor;
}

/** An IPv4 header whose version is 4, whose IHL is at least 5 and whose options lie inside the packet. */
interface Ipv4 {
  /** Always 4. Assigning it writes network order and keeps the checksums that cover it valid. */
  version: u8;
  /** Header length in 32-bit words (5 to 15). Assigning it writes network order and keeps the checksums that cover it valid. */
  ihl: u8;
  /** Header length in bytes, options included. */
  readonly headerLength: u8;
  /** Type of service (DSCP and ECN). Assigning it writes network order and keeps the checksums that cover it valid. */
  tos: u8;
  /** Length of the datagram in bytes, header included. Assigning it writes network order and keeps the checksums that cover it valid. */
  totalLength: u16;
  /** Identification, for fragment reassembly. Assigning it writes network order and keeps the checksums that cover it valid. */
  id: u16;
  /** True when the More Fragments flag is set or the fragment offset is not 0. */
  readonly isFragment: bool;
  /** The Don't Fragment flag. Assigning it writes network order and keeps the checksums that cover it valid. */
  dontFragment: bool;
  /** The More Fragments flag. Assigning it writes network order and keeps the checksums that cover it valid. */
  moreFragments: bool;
  /** Fragment offset in 8-byte units. */
  readonly fragmentOffset: u16;
  /** The flags and fragment offset as one 16-bit field. Assigning it writes network order and keeps the checksums that cover it valid. */
  fragmentField: u16;
  /** Time to live. Assigning it writes network order and keeps the checksums that cover it valid. */
  ttl: u8;
  /** The protocol that follows (IpProto). Assigning it writes network order and keeps the checksums that cover it valid. */
  protocol: u8;
  /** Header checksum. Assigning it writes network order and keeps the checksums that cover it valid. */
  checksum: u16;
  /** Source address, host byte order. Assigning it writes network order and keeps the checksums that cover it valid. */
  saddr: u32;
  /** Destination address, host byte order. Assigning it writes network order and keeps the checksums that cover it valid. */
  daddr: u32;
  /** The IPv4 header that follows, validated, or null. */
  ipip(): Ipv4 | null;
  /** The IPv6 header that follows, validated, or null. */
  ipv6in4(): Ipv6 | null;
  /** The TCP header that follows, validated, or null. */
  tcp(): Tcp | null;
  /** The UDP header that follows, validated, or null. */
  udp(): Udp | null;
  /** The ICMP header that follows, validated, or null. */
  icmp(): Icmp | null;
  /** The GRE header (IP protocol 47) that follows, validated, or null. */
  gre(): Gre | null;
  /** The bytes after this header: a cursor that parses them as a new packet. */
  payload(): Cursor;
  /** The header's options, between its fixed part and its end, as a cursor (empty when there are none). */
  options(): Cursor;
}

/** An IPv6 header whose version is 6; its upper-layer accessors look past up to 8 extension headers (hop-by-hop, routing, fragment, destination options, AH). */
interface Ipv6 {
  /** Always 6. Assigning it writes network order and keeps the checksums that cover it valid. */
  version: u8;
  /** Traffic class (DSCP and ECN). Assigning it writes network order and keeps the checksums that cover it valid. */
  trafficClass: u8;
  /** Flow label (20 bits). Assigning it writes network order and keeps the checksums that cover it valid. */
  flowLabel: u32;
  /** Length of the payload in bytes, extension headers included. Assigning it writes network order and keeps the checksums that cover it valid. */
  payloadLength: u16;
  /** The header that follows (IpProto). Assigning it writes network order and keeps the checksums that cover it valid. */
  nextHeader: u8;
  /** Hop limit. Assigning it writes network order and keeps the checksums that cover it valid. */
  hopLimit: u8;
  /** Source address. Assigning it writes network order and keeps the checksums that cover it valid. */
  saddr: Ipv6Addr;
  /** Destination address. Assigning it writes network order and keeps the checksums that cover it valid. */
  daddr: Ipv6Addr;
  /** The upper-layer protocol after the extension headers (IpProto), or 59 (no next header) when the chain is malformed, longer than 8, or the packet is a non-first fragment. */
  readonly l4Protocol: u8;
  /** The bytes of extension headers between the fixed header and the upper layer. */
  readonly extensionLength: u16;
  /** The IPv4 header that follows, validated, or null. */
  ipip(): Ipv4 | null;
  /** The IPv6 header that follows, validated, or null. */
  ipv6in6(): Ipv6 | null;
  /** The TCP header that follows, validated, or null. */
  tcp(): Tcp | null;
  /** The UDP header that follows, validated, or null. */
  udp(): Udp | null;
  /** The ICMPv6 header that follows, validated, or null. */
  icmpv6(): Icmpv6 | null;
  /** The GRE header (IP protocol 47) that follows, validated, or null. */
  gre(): Gre | null;
  /** The bytes after this header: a cursor that parses them as a new packet. */
  payload(): Cursor;
}

/** A TCP header whose data offset is at least 5 and whose options lie inside the packet. */
interface Tcp {
  /** Source port. Assigning it writes network order and keeps the checksums that cover it valid. */
  sport: u16;
  /** Destination port. Assigning it writes network order and keeps the checksums that cover it valid. */
  dport: u16;
  /** Sequence number. Assigning it writes network order and keeps the checksums that cover it valid. */
  seq: u32;
  /** Acknowledgement number. Assigning it writes network order and keeps the checksums that cover it valid. */
  ackSeq: u32;
  /** Header length in 32-bit words (5 to 15). Assigning it writes network order and keeps the checksums that cover it valid. */
  dataOffset: u8;
  /** The eight flag bits (CWR ECE URG ACK PSH RST SYN FIN). Assigning it writes network order and keeps the checksums that cover it valid. */
  flags: u8;
  /** FIN flag. Assigning it writes network order and keeps the checksums that cover it valid. */
  fin: bool;
  /** SYN flag. Assigning it writes network order and keeps the checksums that cover it valid. */
  syn: bool;
  /** RST flag. Assigning it writes network order and keeps the checksums that cover it valid. */
  rst: bool;
  /** PSH flag. Assigning it writes network order and keeps the checksums that cover it valid. */
  psh: bool;
  /** ACK flag. Assigning it writes network order and keeps the checksums that cover it valid. */
  ack: bool;
  /** URG flag. Assigning it writes network order and keeps the checksums that cover it valid. */
  urg: bool;
  /** Receive window. Assigning it writes network order and keeps the checksums that cover it valid. */
  window: u16;
  /** Checksum. Assigning it writes network order and keeps the checksums that cover it valid. */
  checksum: u16;
  /** Urgent pointer. Assigning it writes network order and keeps the checksums that cover it valid. */
  urgentPointer: u16;
  /** The bytes after this header: a cursor that parses them as a new packet. */
  payload(): Cursor;
  /** The header's options, between its fixed part and its end, as a cursor (empty when there are none). */
  options(): Cursor;
}

/** A UDP header. */
interface Udp {
  /** Source port. Assigning it writes network order and keeps the checksums that cover it valid. */
  sport: u16;
  /** Destination port. Assigning it writes network order and keeps the checksums that cover it valid. */
  dport: u16;
  /** Length of header and payload in bytes. Assigning it writes network order and keeps the checksums that cover it valid. */
  length: u16;
  /** Checksum (0 when unused over IPv4). Assigning it writes network order and keeps the checksums that cover it valid. */
  checksum: u16;
  /** The VXLAN header (UDP destination port 4789) that follows, validated, or null. */
  vxlan(): Vxlan | null;
  /** The Geneve header (UDP destination port 6081) that follows, validated, or null. */
  geneve(): Geneve | null;
  /** The bytes after this header: a cursor that parses them as a new packet. */
  payload(): Cursor;
}

/** An ICMP message header (8 bytes). */
interface Icmp {
  /** Message type. Assigning it writes network order and keeps the checksums that cover it valid. */
  type: u8;
  /** Message code. Assigning it writes network order and keeps the checksums that cover it valid. */
  code: u8;
  /** Checksum. Assigning it writes network order and keeps the checksums that cover it valid. */
  checksum: u16;
  /** Identifier of an echo request or reply. Assigning it writes network order and keeps the checksums that cover it valid. */
  id: u16;
  /** Sequence number of an echo request or reply. Assigning it writes network order and keeps the checksums that cover it valid. */
  sequence: u16;
  /** The bytes after this header: a cursor that parses them as a new packet. */
  payload(): Cursor;
}

/** An ICMPv6 message header (8 bytes). */
interface Icmpv6 {
  /** Message type. Assigning it writes network order and keeps the checksums that cover it valid. */
  type: u8;
  /** Message code. Assigning it writes network order and keeps the checksums that cover it valid. */
  code: u8;
  /** Checksum. Assigning it writes network order and keeps the checksums that cover it valid. */
  checksum: u16;
  /** Identifier of an echo request or reply. Assigning it writes network order and keeps the checksums that cover it valid. */
  id: u16;
  /** Sequence number of an echo request or reply. Assigning it writes network order and keeps the checksums that cover it valid. */
  sequence: u16;
  /** The bytes after this header: a cursor that parses them as a new packet. */
  payload(): Cursor;
}

/** A VXLAN header (UDP destination port 4789) whose I flag is set; an Ethernet frame follows. */
interface Vxlan {
  /** Flags; 0x08 (I: the VNI is valid) is always set. Assigning it writes network order and keeps the checksums that cover it valid. */
  flags: u8;
  /** VXLAN network identifier (24 bits). Assigning it writes network order and keeps the checksums that cover it valid. */
  vni: u32;
  /** The Ethernet header that follows, validated, or null. */
  eth(): Ethernet | null;
  /** The bytes after this header: a cursor that parses them as a new packet. */
  payload(): Cursor;
}

/** A Geneve header (UDP destination port 6081) of version 0 whose options lie inside the packet. */
interface Geneve {
  /** Always 0. Assigning it writes network order and keeps the checksums that cover it valid. */
  version: u8;
  /** Length of the options in 4-byte words. Assigning it writes network order and keeps the checksums that cover it valid. */
  optionsLength: u8;
  /** O flag: an OAM (control) packet. */
  readonly oam: bool;
  /** C flag: critical options are present. */
  readonly critical: bool;
  /** The EtherType of the inner packet (0x6558: Ethernet). Assigning it writes network order and keeps the checksums that cover it valid. */
  protocolType: u16;
  /** Virtual network identifier (24 bits). Assigning it writes network order and keeps the checksums that cover it valid. */
  vni: u32;
  /** The Ethernet header that follows, validated, or null. */
  eth(): Ethernet | null;
  /** The IPv4 header that follows, validated, or null. */
  ipv4(): Ipv4 | null;
  /** The IPv6 header that follows, validated, or null. */
  ipv6(): Ipv6 | null;
  /** The bytes after this header: a cursor that parses them as a new packet. */
  payload(): Cursor;
  /** The header's options, between its fixed part and its end, as a cursor (empty when there are none). */
  options(): Cursor;
}

/** A GRE header of version 0 whose optional checksum, key and sequence fields lie inside the packet. */
interface Gre {
  /** C flag: the checksum field is present. */
  readonly hasChecksum: bool;
  /** K flag: the key field is present. */
  readonly hasKey: bool;
  /** S flag: the sequence number field is present. */
  readonly hasSequence: bool;
  /** The flags and version word. Assigning it writes network order and keeps the checksums that cover it valid. */
  flagsVersion: u16;
  /** Always 0. Assigning it writes network order and keeps the checksums that cover it valid. */
  version: u8;
  /** The EtherType of the payload (0x6558: Ethernet). Assigning it writes network order and keeps the checksums that cover it valid. */
  protocolType: u16;
  /** The checksum, or 0 when absent. */
  readonly checksum: u16;
  /** The key, or 0 when absent. */
  readonly key: u32;
  /** The sequence number, or 0 when absent. */
  readonly sequence: u32;
  /** The Ethernet header that follows, validated, or null. */
  eth(): Ethernet | null;
  /** The IPv4 header that follows, validated, or null. */
  ipv4(): Ipv4 | null;
  /** The IPv6 header that follows, validated, or null. */
  ipv6(): Ipv6 | null;
  /** The bytes after this header: a cursor that parses them as a new packet. */
  payload(): Cursor;
}
