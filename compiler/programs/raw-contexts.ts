// The kernel's context structs (include/uapi/linux/bpf.h), field by field: the C prelude and the `ctx.raw` interfaces come from here.
import type { CField, CTopLevel } from "../c/ast.js";

/** Program kinds by decorator, as the kernel's access rules for a context tell them apart. */
export type KindName = "xdp" | "tc" | "socketFilter";

export interface RawField {
  name: string;
  /** The C declaration's type; a `[n]` suffix makes an array. */
  c: string;
  /** What `ctx.raw` shows: an integer, or an array of them; absent for fields a program may not read as numbers (pointers). */
  ts?: { int: "u32" | "u64"; length?: number };
  /** The kinds whose programs may assign it (the kernel's *_is_valid_access for BPF_WRITE). */
  writableIn?: KindName[];
  /** The kinds whose programs may not even read it (the verifier refuses the access). */
  hiddenIn?: KindName[];
  /** Kernel-only or pointer fields kept for the layout: aligned(8) 64-bit slots. */
  pointer?: boolean;
  doc?: string;
}

export interface RawContext {
  /** The C struct tag and the TypeScript interface name of `ctx.raw`. */
  cTag: string;
  tsName: string;
  doc: string;
  fields: RawField[];
}

const u32 = (name: string, doc?: string, more: Partial<RawField> = {}): RawField => ({ name, c: "__u32", ts: { int: "u32" }, doc, ...more });
/** Writable in tc classifiers, read-only in socket filters (tc_cls_act_is_valid_access, sk_filter_is_valid_access). */
const TC_WRITES: Partial<RawField> = { writableIn: ["tc"] };
/** tc-only fields: socket filters may not read them (sk_filter_is_valid_access). */
const TC_ONLY: Partial<RawField> = { writableIn: ["tc"], hiddenIn: ["socketFilter"] };

export const XDP_MD: RawContext = {
  cTag: "xdp_md",
  tsName: "XdpMd",
  doc: "The kernel's XDP context (struct xdp_md).",
  fields: [
    { name: "data", c: "__u32", doc: "Start of the packet (a pointer the verifier tracks; use ctx.eth() or ctx.packet())." },
    { name: "data_end", c: "__u32", doc: "End of the packet (a pointer the verifier tracks)." },
    { name: "data_meta", c: "__u32", doc: "Start of the metadata area (a pointer the verifier tracks)." },
    u32("ingress_ifindex", "The interface the frame arrived on."),
    u32("rx_queue_index", "The receive queue the frame arrived on."),
    // readable only by programs attached to a devmap entry, which tsbpf does not build
    u32("egress_ifindex", "The interface a devmap program sends the frame out of.", { hiddenIn: ["xdp"] }),
  ],
};

export const SK_BUFF: RawContext = {
  cTag: "__sk_buff",
  tsName: "SkBuff",
  doc: "The kernel's socket buffer context (struct __sk_buff), as tc programs see it.",
  fields: [
    u32("len", "Length of the packet, all fragments included."),
    u32("pkt_type", "PACKET_HOST, PACKET_BROADCAST, PACKET_MULTICAST, PACKET_OTHERHOST or PACKET_OUTGOING."),
    u32("mark", "The packet mark (firewall marks, routing).", TC_WRITES),
    u32("queue_mapping", "The transmit queue.", TC_WRITES),
    u32("protocol", "The link-layer protocol (EtherType), in network byte order as the kernel keeps it."),
    u32("vlan_present", "1 when the kernel removed a VLAN tag into vlan_tci."),
    u32("vlan_tci", "The tag control information of a removed VLAN tag."),
    u32("vlan_proto", "The TPID of a removed VLAN tag, network byte order."),
    u32("priority", "The queueing priority.", TC_WRITES),
    u32("ingress_ifindex", "The interface the packet arrived on (0 when it is sent by this host)."),
    u32("ifindex", "The interface the packet is on now."),
    u32("tc_index", "The traffic control index.", TC_WRITES),
    { name: "cb", c: "__u32[5]", ts: { int: "u32", length: 5 }, writableIn: ["tc", "socketFilter"], doc: "Scratch words shared between programs that see the same packet." },
    u32("hash", "The flow hash."),
    u32("tc_classid", "The class the packet goes to (for classifiers without direct action).", TC_ONLY),
    { name: "data", c: "__u32", doc: "Start of the linear packet data (a pointer the verifier tracks)." },
    { name: "data_end", c: "__u32", doc: "End of the linear packet data (a pointer the verifier tracks)." },
    u32("napi_id", "The NAPI instance the packet came through."),
    { name: "family", c: "__u32" },
    { name: "remote_ip4", c: "__u32" },
    { name: "local_ip4", c: "__u32" },
    { name: "remote_ip6", c: "__u32[4]" },
    { name: "local_ip6", c: "__u32[4]" },
    { name: "remote_port", c: "__u32" },
    { name: "local_port", c: "__u32" },
    { name: "data_meta", c: "__u32" },
    { name: "flow_keys", c: "__u64", pointer: true },
    { name: "tstamp", c: "__u64", ts: { int: "u64" }, ...TC_ONLY, doc: "The packet's timestamp (delivery time when tstamp_type says so)." },
    u32("wire_len", "Length of the packet on the wire.", { hiddenIn: ["socketFilter"] }),
    u32("gso_segs", "Segments of a GSO packet."),
    { name: "sk", c: "__u64", pointer: true },
    u32("gso_size", "Segment size of a GSO packet."),
    { name: "tstamp_type", c: "__u8" },
    { name: "", c: "__u32 :24" },
    { name: "hwtstamp", c: "__u64", ts: { int: "u64" }, hiddenIn: ["socketFilter"], doc: "The hardware timestamp." },
  ],
};

export const RAW_CONTEXTS = [XDP_MD, SK_BUFF];

/** The C struct, with the kernel's layout (pointer slots are 8-byte aligned unions in the kernel's header). */
export function rawContextC(r: RawContext): CTopLevel {
  const fields = r.fields.map((f): CField => {
    if (!f.name) return { type: f.c };
    const [type, length] = f.c.includes("[") ? [f.c.slice(0, f.c.indexOf("[")), f.c.slice(f.c.indexOf("[") + 1, f.c.indexOf("]"))] : [f.c, undefined];
    return { type, name: f.name, length, attributes: f.pointer ? "__attribute__((aligned(8)))" : undefined };
  });
  return { k: "struct", tag: r.cTag, fields, comment: r.doc };
}

const tsText = (t: NonNullable<RawField["ts"]>) => (t.length ? `FixedArray<${t.int}, ${t.length}>` : t.int);

/** What one program kind sees of its context struct as `ctx.raw`: the fields it may read, and which it may assign. */
export interface RawView {
  /** The TypeScript interface name. */
  tsName: string;
  kind: KindName;
  context: RawContext;
  doc: string;
}

export const RAW_VIEWS: readonly RawView[] = [
  { tsName: "XdpMd", kind: "xdp", context: XDP_MD, doc: "The kernel's XDP context (struct xdp_md), as XDP programs may read it." },
  { tsName: "SkBuff", kind: "tc", context: SK_BUFF, doc: "The kernel's socket buffer context (struct __sk_buff), as tc programs may read and write it." },
  { tsName: "SocketSkBuff", kind: "socketFilter", context: SK_BUFF, doc: "The kernel's socket buffer context (struct __sk_buff), as socket filters may read it (only cb is writable)." },
];

/** The fields a view shows (integers the kind may read), each with whether the kind may assign it. */
export function viewFields(v: RawView): (RawField & { ts: NonNullable<RawField["ts"]>; writable: boolean })[] {
  return v.context.fields
    .filter((f): f is RawField & { ts: NonNullable<RawField["ts"]> } => !!f.ts && !f.hiddenIn?.includes(v.kind))
    .map((f) => ({ ...f, writable: !!f.writableIn?.includes(v.kind) }));
}

/** The TypeScript interface of `ctx.raw` for one kind. */
export function rawViewDts(v: RawView): string {
  const lines = viewFields(v).map((f) => `  /** ${f.doc ?? f.name} */\n  ${f.writable ? "" : "readonly "}${f.name}: ${tsText(f.ts)};`);
  return `/** ${v.doc} */\ninterface ${v.tsName} {\n${lines.join("\n")}\n}`;
}
