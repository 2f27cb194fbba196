// Program verdicts and raw kernel contexts. Generated from compiler/programs; do not edit.

/** Verdicts of xdp programs (enum xdp_action). */
declare const enum XdpAction { Aborted = 0, Drop = 1, Pass = 2, Tx = 3, Redirect = 4 }

/** Verdicts of tc programs (enum tc_action). */
declare const enum TcAction { Ok = 0, Reclassify = 1, Shot = 2, Pipe = 3, Stolen = 4, Redirect = 7 }

/** Verdicts of socketFilter programs (enum socket_action). */
declare const enum SocketAction { Drop = 0, Accept = 4294967295 }

/** The fields every XdpContext has, from the kernel's struct xdp_md. */
interface XdpContextFields {
  /** The interface the frame arrived on. */
  readonly ingressIfindex: u32;
  /** The receive queue the frame arrived on. */
  readonly rxQueueIndex: u32;
}

/** The fields every TcContext has, from the kernel's struct __sk_buff. */
interface TcContextFields {
  /** The packet's length, all fragments included. */
  readonly len: u32;
  /** The packet mark. */
  mark: u32;
  /** The queueing priority. */
  priority: u32;
  /** The interface the packet is on. */
  readonly ifindex: u32;
  /** The interface the packet arrived on (0 when sent by this host). */
  readonly ingressIfindex: u32;
  /** The link-layer protocol (EtherType), host byte order. */
  readonly protocol: u16;
  /** The flow hash. */
  readonly hash: u32;
}

/** The fields every SkBuffContext has, from the kernel's struct __sk_buff. */
interface SkBuffContextFields {
  /** The packet's length from the socket's point of view (from skb->data). */
  readonly len: u32;
  /** The interface the packet is on. */
  readonly ifindex: u32;
  /** The link-layer protocol (EtherType), host byte order. */
  readonly protocol: u16;
  /** The packet mark. */
  readonly mark: u32;
}

/** The kernel's XDP context (struct xdp_md), as XDP programs may read it. */
interface XdpMd {
  /** The interface the frame arrived on. */
  readonly ingress_ifindex: u32;
  /** The receive queue the frame arrived on. */
  readonly rx_queue_index: u32;
}

/** The kernel's socket buffer context (struct __sk_buff), as tc programs may read and write it. */
interface SkBuff {
  /** Length of the packet, all fragments included. */
  readonly len: u32;
  /** PACKET_HOST, PACKET_BROADCAST, PACKET_MULTICAST, PACKET_OTHERHOST or PACKET_OUTGOING. */
  readonly pkt_type: u32;
  /** The packet mark (firewall marks, routing). */
  mark: u32;
  /** The transmit queue. */
  queue_mapping: u32;
  /** The link-layer protocol (EtherType), in network byte order as the kernel keeps it. */
  readonly protocol: u32;
  /** 1 when the kernel removed a VLAN tag into vlan_tci. */
  readonly vlan_present: u32;
  /** The tag control information of a removed VLAN tag. */
  readonly vlan_tci: u32;
  /** The TPID of a removed VLAN tag, network byte order. */
  readonly vlan_proto: u32;
  /** The queueing priority. */
  priority: u32;
  /** The interface the packet arrived on (0 when it is sent by this host). */
  readonly ingress_ifindex: u32;
  /** The interface the packet is on now. */
  readonly ifindex: u32;
  /** The traffic control index. */
  tc_index: u32;
  /** Scratch words shared between programs that see the same packet. */
  cb: FixedArray<u32, 5>;
  /** The flow hash. */
  readonly hash: u32;
  /** The class the packet goes to (for classifiers without direct action). */
  tc_classid: u32;
  /** The NAPI instance the packet came through. */
  readonly napi_id: u32;
  /** The packet's timestamp (delivery time when tstamp_type says so). */
  tstamp: u64;
  /** Length of the packet on the wire. */
  readonly wire_len: u32;
  /** Segments of a GSO packet. */
  readonly gso_segs: u32;
  /** Segment size of a GSO packet. */
  readonly gso_size: u32;
  /** The hardware timestamp. */
  readonly hwtstamp: u64;
}

/** The kernel's socket buffer context (struct __sk_buff), as socket filters may read it (only cb is writable). */
interface SocketSkBuff {
  /** Length of the packet, all fragments included. */
  readonly len: u32;
  /** PACKET_HOST, PACKET_BROADCAST, PACKET_MULTICAST, PACKET_OTHERHOST or PACKET_OUTGOING. */
  readonly pkt_type: u32;
  /** The packet mark (firewall marks, routing). */
  readonly mark: u32;
  /** The transmit queue. */
  readonly queue_mapping: u32;
  /** The link-layer protocol (EtherType), in network byte order as the kernel keeps it. */
  readonly protocol: u32;
  /** 1 when the kernel removed a VLAN tag into vlan_tci. */
  readonly vlan_present: u32;
  /** The tag control information of a removed VLAN tag. */
  readonly vlan_tci: u32;
  /** The TPID of a removed VLAN tag, network byte order. */
  readonly vlan_proto: u32;
  /** The queueing priority. */
  readonly priority: u32;
  /** The interface the packet arrived on (0 when it is sent by this host). */
  readonly ingress_ifindex: u32;
  /** The interface the packet is on now. */
  readonly ifindex: u32;
  /** The traffic control index. */
  readonly tc_index: u32;
  /** Scratch words shared between programs that see the same packet. */
  cb: FixedArray<u32, 5>;
  /** The flow hash. */
  readonly hash: u32;
  /** The NAPI instance the packet came through. */
  readonly napi_id: u32;
  /** Segments of a GSO packet. */
  readonly gso_segs: u32;
  /** Segment size of a GSO packet. */
  readonly gso_size: u32;
}
