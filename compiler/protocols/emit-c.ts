// Generates the C packet runtime (getter macros, validating parsers, child accessors) from the protocol descriptions.
import { childrenOf, PROTOCOLS } from "./index.js";
import type { FieldSpec, LoadedField, ProtocolSpec } from "./schema.js";

const C_TYPES = { u8: "__u8", u16: "__u16", u32: "__u32", u64: "__u64", bool: "_Bool" } as const;

export const getterName = (p: ProtocolSpec, field: string) => `tsbpf_${p.name}_${field}`;
export const parserName = (p: ProtocolSpec) => `tsbpf_parse_${p.name}`;
export const childAccessorName = (parent: ProtocolSpec, child: ProtocolSpec) => `tsbpf_${parent.name}_${child.name}`;

/** The fixed part every packet runtime needs: the header cursor and big-endian loads. */
export const HEADER_RUNTIME = `/* A parsed header: pos is NULL when the accessor found no valid header. */
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
#define tsbpf_be64(p) __builtin_bswap64(*(__u64 *)(p))`;

function hex(n: number): string {
  return `0x${n.toString(16)}`;
}

/** Replaces `{field}`, `{length}` and `{nextProto}` in a description's C template. */
function expand(p: ProtocolSpec, template: string, h: string): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === "length") return `((__u32)((${h}).next - (${h}).pos))`;
    if (name === "nextProto") return `(${h}).next_proto`;
    if (!p.fields.some((f) => f.name === name)) throw new Error(`protocol ${p.name}: unknown field {${name}}`);
    return `${getterName(p, name)}(${h})`;
  });
}

function loadExpr(read: LoadedField, h: string): string {
  let e = `tsbpf_be${read.width * 8}((${h}).pos + ${read.at})`;
  if (read.shift) e = `(${e} >> ${read.shift})`;
  if (read.mask !== undefined) e = `(${e} & ${hex(read.mask)})`;
  return e;
}

function getterMacro(p: ProtocolSpec, f: FieldSpec): string {
  const body = "at" in f.read ? loadExpr(f.read, "h") : expand(p, f.read.expr, "h");
  return `#define ${getterName(p, f.name)}(h) ((${C_TYPES[f.type]})(${body})) /* ${f.doc} */`;
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
  lines.push("\treturn h;", "}");
  return lines.join("\n");
}

function childAccessor(parent: ProtocolSpec, child: ProtocolSpec, selector: number): string {
  return [
    `static __always_inline struct tsbpf_hdr ${childAccessorName(parent, child)}(struct tsbpf_hdr parent)`,
    "{",
    `\tif (!parent.pos || parent.next_proto != ${hex(selector)})`,
    "\t\treturn TSBPF_NO_HDR;",
    `\treturn ${parserName(child)}(parent.next, parent.end);`,
    "}",
  ].join("\n");
}

/** The C for the given protocols (by name), in dependency order, with the accessors between them. */
export function emitProtocolRuntime(used: ReadonlySet<string>): string {
  const chosen = PROTOCOLS.filter((p) => used.has(p.name));
  const parts = [HEADER_RUNTIME];
  for (const p of chosen) {
    parts.push(p.fields.map((f) => getterMacro(p, f)).join("\n"));
    parts.push(parser(p));
  }
  for (const parent of chosen) {
    for (const { child, selector } of childrenOf(parent)) {
      if (used.has(child.name)) parts.push(childAccessor(parent, child, selector));
    }
  }
  return parts.join("\n\n");
}
