// The program kinds a probe can declare, described once: decorator, context, verdicts, C types, sections and how loaders attach them.

export type ProgramDecorator = "xdp" | "tc" | "socketFilter";

/** A context property: a field of the kernel struct under a friendlier name, in host byte order. */
export interface ContextField {
  name: string;
  /** The kernel struct's field. */
  raw: string;
  type: "u16" | "u32";
  writable?: boolean;
  /** The kernel keeps it in network byte order (skb->protocol): the getter swaps it. */
  networkOrder?: boolean;
  doc: string;
}

export interface ProgramKind {
  /** The decorator, and the manifest's program type. */
  decorator: ProgramDecorator;
  /**
   * How programs reach packet bytes: "direct" through data/data_end, or "copy": the frame (from its MAC header) is
   * copied into a per-CPU scratch buffer, read-only (socket filters have no direct packet access).
   */
  packet: "direct" | "copy";
  /** The TypeScript context parameter type and the verdict enum the program returns. */
  context: string;
  action: string;
  /** The kernel's context struct, exactly as include/uapi/linux/bpf.h lays it out. */
  ctxC: string;
  /** The C enum of verdicts and each TypeScript member's C constant. */
  actionC: string;
  actions: Record<string, { c: string; value: number }>;
  /** The verdict a failed raw packet read ends the program with, unless onError says otherwise. */
  defaultOnError: string;
  /** Sections: tsbpf's `<prefix>/<method>`, or libbpf's canonical name. */
  sectionPrefix: string;
  libbpfSection: string;
  /** A u32 field of the raw context the verifier cannot predict (its value is never used: see tsbpf_havoc). */
  unknownField: string;
  /** bpftool's program type name (`bpftool prog load ... type <t>`). */
  bpftoolType: string;
  attach: { kind: "xdp"; modes: string[] } | { kind: "tc"; directions: string[] } | { kind: "socket" };
  /** ctx.<name> shortcuts to the context struct. */
  fields: ContextField[];
  doc: string;
}

/** Socket-buffer fields both tc programs and socket filters show alike. */
const SKB_IFINDEX: ContextField = { name: "ifindex", raw: "ifindex", type: "u32", doc: "The interface the packet is on." };
const SKB_PROTOCOL: ContextField = { name: "protocol", raw: "protocol", type: "u16", networkOrder: true, doc: "The link-layer protocol (EtherType), host byte order." };

export const PROGRAM_KINDS: readonly ProgramKind[] = [
  {
    decorator: "xdp",
    packet: "direct",
    context: "XdpContext",
    action: "XdpAction",
    ctxC: "struct xdp_md",
    actionC: "enum xdp_action",
    actions: { Aborted: { c: "XDP_ABORTED", value: 0 }, Drop: { c: "XDP_DROP", value: 1 }, Pass: { c: "XDP_PASS", value: 2 }, Tx: { c: "XDP_TX", value: 3 }, Redirect: { c: "XDP_REDIRECT", value: 4 } },
    defaultOnError: "Pass",
    sectionPrefix: "xdp",
    libbpfSection: "xdp",
    unknownField: "rx_queue_index",
    bpftoolType: "xdp",
    attach: { kind: "xdp", modes: ["native", "skb"] },
    fields: [
      { name: "ingressIfindex", raw: "ingress_ifindex", type: "u32", doc: "The interface the frame arrived on." },
      { name: "rxQueueIndex", raw: "rx_queue_index", type: "u32", doc: "The receive queue the frame arrived on." },
    ],
    doc: "An XDP program: runs in the driver on each received frame, before the kernel allocates a socket buffer.",
  },
  {
    decorator: "tc",
    packet: "direct",
    context: "TcContext",
    action: "TcAction",
    ctxC: "struct __sk_buff",
    actionC: "enum tc_action",
    actions: { Ok: { c: "TC_ACT_OK", value: 0 }, Reclassify: { c: "TC_ACT_RECLASSIFY", value: 1 }, Shot: { c: "TC_ACT_SHOT", value: 2 }, Pipe: { c: "TC_ACT_PIPE", value: 3 }, Stolen: { c: "TC_ACT_STOLEN", value: 4 }, Redirect: { c: "TC_ACT_REDIRECT", value: 7 } },
    defaultOnError: "Ok",
    sectionPrefix: "tc",
    libbpfSection: "tc",
    unknownField: "hash",
    bpftoolType: "classifier",
    attach: { kind: "tc", directions: ["ingress", "egress"] },
    fields: [
      { name: "len", raw: "len", type: "u32", doc: "The packet's length, all fragments included." },
      { name: "mark", raw: "mark", type: "u32", writable: true, doc: "The packet mark." },
      { name: "priority", raw: "priority", type: "u32", writable: true, doc: "The queueing priority." },
      SKB_IFINDEX,
      { name: "ingressIfindex", raw: "ingress_ifindex", type: "u32", doc: "The interface the packet arrived on (0 when sent by this host)." },
      SKB_PROTOCOL,
      { name: "hash", raw: "hash", type: "u32", doc: "The flow hash." },
    ],
    doc: "A tc classifier (direct action): runs on socket buffers at a qdisc's ingress or egress hook.",
  },
  {
    decorator: "socketFilter",
    packet: "copy",
    context: "SkBuffContext",
    action: "SocketAction",
    ctxC: "struct __sk_buff",
    actionC: "enum socket_action",
    actions: { Drop: { c: "SOCKET_DROP", value: 0 }, Accept: { c: "SOCKET_ACCEPT", value: 0xffffffff } },
    defaultOnError: "Accept",
    sectionPrefix: "socket",
    libbpfSection: "socket",
    unknownField: "hash",
    bpftoolType: "socket",
    attach: { kind: "socket" },
    fields: [
      { name: "len", raw: "len", type: "u32", doc: "The packet's length from the socket's point of view (from skb->data)." },
      SKB_IFINDEX,
      SKB_PROTOCOL,
      { name: "mark", raw: "mark", type: "u32", doc: "The packet mark." },
    ],
    doc: "A socket filter: decides how much of each packet a socket receives (Drop: nothing, Accept: all of it).",
  },
];

export function kindByDecorator(name: string): ProgramKind | undefined {
  return PROGRAM_KINDS.find((k) => k.decorator === name);
}

export function kindByContext(name: string): ProgramKind | undefined {
  return PROGRAM_KINDS.find((k) => k.context === name);
}

export function kindByAction(name: string): ProgramKind | undefined {
  return PROGRAM_KINDS.find((k) => k.action === name);
}
