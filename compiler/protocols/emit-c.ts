// Generates the C packet runtime (getter macros, validating parsers, child accessors) from the protocol descriptions.
import { ANY_SELECTOR, childrenOf, PROTOCOLS, protocolByName } from "./index.js";
import { ADDRESS_TYPES, fieldCType, type ChainSpec, type FieldSpec, type LoadedField, type ProtocolSpec } from "./schema.js";
import { CHECKSUM_RUNTIME, setter } from "./emit-setters.js";


export const getterName = (p: ProtocolSpec, field: string) => `tsbpf_${p.name}_${field}`;
export const parserName = (p: ProtocolSpec) => `tsbpf_parse_${p.name}`;
export const childAccessorName = (parent: ProtocolSpec, accessor: string) => `tsbpf_${parent.name}_${accessor}`;

/** The fixed part every packet runtime needs: the header cursor and big-endian loads. */
export const HEADER_RUNTIME = `/* Address values (MacAddr, Ipv6Addr): bytes in packet order. */
${Object.values(ADDRESS_TYPES).map((a) => `${a.c} { __u8 bytes[${a.size}]; };`).join("\n")}
/* A parsed header: pos is NULL when the accessor found no valid header. */
struct tsbpf_hdr {
	__u8 *pos;        /* first byte of the header */
	__u8 *next;       /* first byte after it (options and tags included) */
	__u8 *end;        /* end of the packet */
	__u32 next_proto; /* what follows: EtherType or IP protocol, TSBPF_NO_NEXT for nothing */
};
#define TSBPF_NO_NEXT 0xffffffffu
#define TSBPF_NO_HDR ((struct tsbpf_hdr){ 0 })
/* Makes clang keep a checked pointer in its register instead of recomputing it from base + offset,
 * which would give the verifier a pointer whose bounds it has not seen checked. */
#define tsbpf_opaque(v) asm volatile("" : "+r"(v))
#define tsbpf_be8(p) (*(__u8 *)(p))
#define tsbpf_be16(p) __builtin_bswap16(*(__u16 *)(p))
#define tsbpf_be32(p) __builtin_bswap32(*(__u32 *)(p))
#define tsbpf_be64(p) __builtin_bswap64(*(__u64 *)(p))

/* A cursor's length: to the packet's end, or its limit (kept in next_proto) if smaller. The barrier keeps clang from
 * computing end - pos before the null test, which the verifier would see as a scalar minus a pointer. */
static __always_inline __u32 tsbpf_cursor_length(struct tsbpf_hdr h)
{
	if (!h.pos)
		return 0;
	__u8 *e = h.end;
	tsbpf_opaque(e);
	long d = e - h.pos; /* in 64 bits: the verifier refuses 32-bit arithmetic on pointers */
	tsbpf_opaque(d);
	return h.next_proto < (__u64)d ? h.next_proto : (__u32)d;
}`;

function hex(n: number): string {
  return `0x${n.toString(16)}`;
}

/** Replaces `{field}`, `{length}` and `{nextProto}` in a description's C template. */
function expand(p: ProtocolSpec, template: string, h: string): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === "length") return `((__u32)((${h}).next - (${h}).pos))`;
    if (name === "nextProto") return `(${h}).next_proto`;
    if (name === "pos") return `(${h}).pos`;
    if (name === "index") return "index";
    if (!p.fields.some((f) => f.name === name)) throw new Error(`protocol ${p.name}: unknown field {${name}}`);
    return `${getterName(p, name)}(${h})`;
  });
}

function loadExpr(p: ProtocolSpec, read: LoadedField, h: string): string {
  if (typeof read.at === "string") {
    // a field at a computed place: checked against the packet end on its own, 0 when the header lacks it
    const at = `(${h}).pos + (${expand(p, read.at, h)})`;
    const present = read.present ? `(${expand(p, read.present, h)}) && ` : "";
    return `(${present}${at} + ${read.width} <= (${h}).end ? tsbpf_be${read.width * 8}(${at}) : 0)`;
  }
  let e = `tsbpf_be${read.width * 8}((${h}).pos + ${read.at})`;
  if (read.shift) e = `(${e} >> ${read.shift})`;
  if (read.mask !== undefined) e = `(${e} & ${hex(read.mask)})`;
  return e;
}

function getterMacro(p: ProtocolSpec, f: FieldSpec): string {
  const body = "at" in f.read ? loadExpr(p, f.read, "h") : expand(p, f.read.expr, "h");
  if (f.type === "mac" || f.type === "ipv6addr") {
    // an address is copied out of the packet by value
    const read = f.read as LoadedField;
    return `#define ${getterName(p, f.name)}(h) ({ ${fieldCType(f.type)} tsbpf_a_; __builtin_memcpy(&tsbpf_a_, (h).pos + ${read.at}, ${ADDRESS_TYPES[f.type].size}); tsbpf_a_; }) /* ${f.doc} */`;
  }
  return `#define ${getterName(p, f.name)}(h) ((${fieldCType(f.type)})(${body})) /* ${f.doc} */`;
}

function parser(p: ProtocolSpec): string {
  const lines = [
    `/* ${p.tsName}: ${p.doc} */`,
    `static __always_inline struct tsbpf_hdr ${parserName(p)}(__u8 *pos, __u8 *end)`,
    "{",
    "\tstruct tsbpf_hdr h = { .pos = pos, .next = pos, .end = end, .next_proto = TSBPF_NO_NEXT };",
    "",
    `\tif (!pos || pos + ${p.minLength} > end)`,
    "\t\treturn TSBPF_NO_HDR;",
  ];
  for (const v of p.validity ?? []) {
    lines.push(`\tif (!(${expand(p, v.expr, "h")})) /* ${v.doc} */`, "\t\treturn TSBPF_NO_HDR;");
  }
  if (p.length) {
    lines.push(`\th.next = pos + ${expand(p, p.length, "h")};`, "\ttsbpf_opaque(h.next);", "\tif (h.next > end)", "\t\treturn TSBPF_NO_HDR;");
  } else {
    lines.push(`\th.next = pos + ${p.minLength};`);
  }
  if (p.tags) {
    const t = p.tags;
    const isTag = t.tpids.map((id) => `h.next_proto == ${hex(id)}`).join(" || ");
    lines.push(
      `\th.next_proto = tsbpf_be16(pos + ${t.selectorAt});`,
      "#pragma unroll",
      `\tfor (int i = 0; i < ${t.max}; i++) {`,
      `\t\tif (!(${isTag}))`,
      "\t\t\tbreak;",
      `\t\tif (h.next + ${t.size} > end)`,
      "\t\t\treturn TSBPF_NO_HDR;",
      `\t\th.next_proto = tsbpf_be16(h.next + ${t.tagSelectorAt});`,
      `\t\th.next += ${t.size};`,
      "\t}",
    );
  } else if (p.nextSelector) {
    lines.push(`\th.next_proto = ${expand(p, p.nextSelector, "h")};`);
  }
  if (p.chain) lines.push(...chainWalk(p, p.chain));
  lines.push("\treturn h;", "}");
  return lines.join("\n");
}

/**
 * The bounded walk over extension headers: each known one moves the offset on; anything malformed ends the chain with
 * no next header. Every way out meets at one exit, where the offset is widened for the verifier (xor-ed twice with 12
 * bits it cannot know, a no-op at run time): all exits then look alike to it, so what follows is verified once, not
 * once per number of extension headers — which matters when IPv6 headers nest.
 */
function chainWalk(p: ProtocolSpec, chain: ChainSpec): string[] {
  const selectors = chain.headers.flatMap((x) => x.selectors);
  const isExtension = (v: string) => selectors.map((s) => `${v} == ${s}`).join(" || ");
  const lines = [`\t__u32 off = ${p.minLength};`, "#pragma unroll", `\tfor (int i = 0; i < ${chain.max}; i++) {`, "\t\t__u8 *b = pos + off;", "\t\t__u32 len;", ""];
  lines.push(`\t\tif (!(${isExtension("h.next_proto")}))`, "\t\t\tbreak;", `\t\tif (b + ${chain.minLength} > end) {`, "\t\t\th.next_proto = TSBPF_NO_NEXT;", "\t\t\tbreak;", "\t\t}");
  chain.headers.forEach((x, i) => {
    const test = x.selectors.map((s) => `h.next_proto == ${s}`).join(" || ");
    lines.push(`\t\t${i ? "else " : ""}if (${test}) { /* ${x.doc} */`, `\t\t\tlen = ${x.length};`, `\t\t\th.next_proto = ${x.next};`, "\t\t}");
  });
  lines.push("\t\telse", "\t\t\tlen = 0;", "\t\toff = (off + len) & 0xfff;", "\t\tif (h.next_proto == TSBPF_NO_NEXT)", "\t\t\tbreak;", "\t}");
  lines.push(
    `\t/* more than ${chain.max} extension headers: nothing follows that can be parsed */`,
    `\tif (${isExtension("h.next_proto")})`,
    "\t\th.next_proto = TSBPF_NO_NEXT;",
    "\t__u64 wide = off, noise = tsbpf_be16(pos + 2) & 0xfff;",
    '\tasm volatile("%0 ^= %1\\n\\t%0 ^= %1" : "+r"(wide) : "r"(noise));',
    "\toff = wide & 0xfff;",
    "\th.next = pos + off;",
    "\ttsbpf_opaque(h.next);",
    "\tif (h.next > end) {",
    `\t\th.next = pos + ${p.minLength};`,
    "\t\th.next_proto = TSBPF_NO_NEXT;",
    "\t}",
  );
  return lines;
}

/** `eth.vlan(i)`: the i-th fixed-size item after the parent's start, when the parent has more than i of them. */
function indexedAccessor(child: ProtocolSpec): string {
  const ix = child.indexed!;
  const parent = protocolByName(ix.parent)!;
  return [
    `static __always_inline struct tsbpf_hdr ${childAccessorName(parent, ix.accessor)}(struct tsbpf_hdr parent, __u32 index)`,
    "{",
    `\tif (!parent.pos || index >= ${ix.max} || index >= (${expand(parent, ix.count, "parent")}))`,
    "\t\treturn TSBPF_NO_HDR;",
    `\treturn ${parserName(child)}(parent.pos + ${expand(parent, ix.offset, "parent")}, parent.end);`,
    "}",
  ].join("\n");
}

/** `ip.options()`: a cursor over the bytes between the fixed part and the header's end. */
function optionsAccessor(parent: ProtocolSpec, at: number): string {
  return [
    `static __always_inline struct tsbpf_hdr ${childAccessorName(parent, "options")}(struct tsbpf_hdr parent)`,
    "{",
    "\tif (!parent.pos)",
    "\t\treturn TSBPF_NO_HDR;",
    `\treturn (struct tsbpf_hdr){ .pos = parent.pos + ${at}, .next = parent.pos + ${at}, .end = parent.end, .next_proto = (__u32)(parent.next - parent.pos) - ${at} };`,
    "}",
  ].join("\n");
}

function childAccessor(parent: ProtocolSpec, child: ProtocolSpec, selector: number, accessor: string): string {
  const announced = selector === ANY_SELECTOR ? "" : ` || parent.next_proto != ${hex(selector)}`;
  return [
    `static __always_inline struct tsbpf_hdr ${childAccessorName(parent, accessor)}(struct tsbpf_hdr parent)`,
    "{",
    `\tif (!parent.pos${announced})`,
    "\t\treturn TSBPF_NO_HDR;",
    `\treturn ${parserName(child)}(parent.next, parent.end);`,
    "}",
  ].join("\n");
}

/** The C for the given protocols (by name), in dependency order, with the accessors between them and the setters used ("ipv4.ttl"). */
export function emitProtocolRuntime(used: ReadonlySet<string>, setters: ReadonlySet<string> = new Set()): string {
  const chosen = PROTOCOLS.filter((p) => used.has(p.name));
  const parts = [HEADER_RUNTIME];
  for (const p of chosen) {
    parts.push(p.fields.map((f) => getterMacro(p, f)).join("\n"));
    parts.push(parser(p));
  }
  for (const parent of chosen) {
    for (const { child, selector, accessor, optionsAt } of childrenOf(parent)) {
      if (!used.has(child.name)) continue;
      parts.push(optionsAt === undefined ? childAccessor(parent, child, selector, accessor) : optionsAccessor(parent, optionsAt));
    }
  }
  for (const child of chosen) if (child.indexed && used.has(child.indexed.parent)) parts.push(indexedAccessor(child));
  if (setters.size) parts.push(CHECKSUM_RUNTIME);
  for (const p of chosen) {
    // a bit setter calls the setter of the field holding the bit: that one first
    const wanted = p.fields.filter((f) => setters.has(`${p.name}.${f.name}`) || p.fields.some((g) => g.bit?.field === f.name && setters.has(`${p.name}.${g.name}`)));
    parts.push(...wanted.filter((f) => !f.bit).map((f) => setter(p, f)), ...wanted.filter((f) => f.bit).map((f) => setter(p, f)));
  }
  return parts.join("\n\n");
}
