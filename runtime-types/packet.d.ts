// The packet API: header types with host-order getters and validating accessors. Generated from compiler/protocols; do not edit.

/** An Ethernet II header; VLAN tags (802.1Q, 802.1ad, at most two) are looked through. */
interface Ethernet {
  /** The EtherType after any VLAN tags. */
  readonly etherType: u16;
  /** How many VLAN tags precede the EtherType (0 to 2). */
  readonly vlanCount: u8;
  /** The IPv4 header that follows, validated, or null. */
  ipv4(): Ipv4 | null;
  /** The IPv6 header that follows, validated, or null. */
  ipv6(): Ipv6 | null;
}

/** An IPv4 header whose version is 4, whose IHL is at least 5 and whose options lie inside the packet. */
interface Ipv4 {
  /** Always 4. */
  readonly version: u8;
  /** Header length in 32-bit words (5 to 15). */
  readonly ihl: u8;
  /** Header length in bytes, options included. */
  readonly headerLength: u8;
  /** Type of service (DSCP and ECN). */
  readonly tos: u8;
  /** Length of the datagram in bytes, header included. */
  readonly totalLength: u16;
  /** Identification, for fragment reassembly. */
  readonly id: u16;
  /** True when the More Fragments flag is set or the fragment offset is not 0. */
  readonly isFragment: bool;
  /** Fragment offset in 8-byte units. */
  readonly fragmentOffset: u16;
  /** The flags and fragment offset as one 16-bit field. */
  readonly fragmentField: u16;
  /** Time to live. */
  readonly ttl: u8;
  /** The protocol that follows (IpProto). */
  readonly protocol: u8;
  /** Header checksum. */
  readonly checksum: u16;
  /** Source address, host byte order. */
  readonly saddr: u32;
  /** Destination address, host byte order. */
  readonly daddr: u32;
  /** The TCP header that follows, validated, or null. */
  tcp(): Tcp | null;
  /** The UDP header that follows, validated, or null. */
  udp(): Udp | null;
}

/** An IPv6 header whose version is 6. */
interface Ipv6 {
  /** Always 6. */
  readonly version: u8;
  /** Traffic class (DSCP and ECN). */
  readonly trafficClass: u8;
  /** Flow label (20 bits). */
  readonly flowLabel: u32;
  /** Length of the payload in bytes, extension headers included. */
  readonly payloadLength: u16;
  /** The header that follows (IpProto). */
  readonly nextHeader: u8;
  /** Hop limit. */
  readonly hopLimit: u8;
  /** The TCP header that follows, validated, or null. */
  tcp(): Tcp | null;
  /** The UDP header that follows, validated, or null. */
  udp(): Udp | null;
}

/** A TCP header whose data offset is at least 5 and whose options lie inside the packet. */
interface Tcp {
  /** Source port. */
  readonly sport: u16;
  /** Destination port. */
  readonly dport: u16;
  /** Sequence number. */
  readonly seq: u32;
  /** Acknowledgement number. */
  readonly ackSeq: u32;
  /** Header length in 32-bit words (5 to 15). */
  readonly dataOffset: u8;
  /** The eight flag bits (CWR ECE URG ACK PSH RST SYN FIN). */
  readonly flags: u8;
  /** FIN flag. */
  readonly fin: bool;
  /** SYN flag. */
  readonly syn: bool;
  /** RST flag. */
  readonly rst: bool;
  /** PSH flag. */
  readonly psh: bool;
  /** ACK flag. */
  readonly ack: bool;
  /** URG flag. */
  readonly urg: bool;
  /** Receive window. */
  readonly window: u16;
  /** Checksum. */
  readonly checksum: u16;
  /** Urgent pointer. */
  readonly urgentPointer: u16;
}

/** A UDP header. */
interface Udp {
  /** Source port. */
  readonly sport: u16;
  /** Destination port. */
  readonly dport: u16;
  /** Length of header and payload in bytes. */
  readonly length: u16;
  /** Checksum (0 when unused over IPv4). */
  readonly checksum: u16;
}
