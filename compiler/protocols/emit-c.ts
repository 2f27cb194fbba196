// Generates the C packet runtime (getter macros, validating parsers, child accessors) from the protocol descriptions.
import { ANY_SELECTOR, childrenOf, fieldOf, PROTOCOLS, protocolByName, storedSelector } from "./index.js";
import { cursor } from "./cursor.js";
import { addressSlotType, ADDRESS_TYPES, fieldCType, type ChainSpec, type FieldSpec, type LoadedField, type ProtocolSpec } from "./schema.js";
import { setter, swapper } from "./emit-setters.js";
import { runtimeHeader } from "../runtime/headers.js";
import { id, type CExpr } from "../c/ast.js";
import { printExpr } from "../c/printer.js";
import { hasChoice, type DescExpr } from "./expr.js";
import { descToC, getterName } from "./emit-expr.js";


export { getterName } from "./emit-expr.js";
export const parserName = (p: ProtocolSpec) => `tsbpf_parse_${p.name}`;
export const childAccessorName = (parent: ProtocolSpec, accessor: string) => `tsbpf_${parent.name}_${accessor}`;

function hex(n: number): string {
  return `0x${n.toString(16)}`;
}

/** The header value of a getter macro (its parameter h), and of the functions (their local or parameter). */
const MACRO_HEADER: CExpr = { k: "macroArg", name: "h" };

/** The C text of a description expression over header h. */
function expand(p: ProtocolSpec, e: DescExpr, h: CExpr): string {
  return printExpr(descToC(p, e, { header: h }));
}

function loadExpr(p: ProtocolSpec, read: LoadedField, h: CExpr): string {
  if (typeof read.at !== "number") {
    // a field at a computed place: checked against the packet end on its own, 0 when the header lacks it
    // the pointer is made once and hidden, so the pointer read is the pointer checked
    const at = `${printExpr(h)}.pos + (${expand(p, read.at, h)})`;
    const present = read.present ? `(${expand(p, read.present, h)}) && ` : "";
    return `({ __u8 *tsbpf_f_ = ${at}; tsbpf_opaque(tsbpf_f_); ${present}tsbpf_fits(tsbpf_f_, ${read.width}, end) ? tsbpf_be${read.width * 8}(tsbpf_f_) : 0; })`;
  }
  let e = `tsbpf_be${read.width * 8}(${printExpr(h)}.pos + ${read.at})`;
  if (read.shift) e = `(${e} >> ${read.shift})`;
  if (read.mask !== undefined) e = `(${e} & ${hex(read.mask)})`;
  return e;
}

function getterMacro(p: ProtocolSpec, f: FieldSpec): string {
  const body = "at" in f.read ? loadExpr(p, f.read, MACRO_HEADER) : expand(p, f.read.expr, MACRO_HEADER);
  if (f.type === "mac" || f.type === "ipv6addr") {
    // an address is copied out of the packet by value
    const read = f.read as LoadedField;
    return `#define ${getterName(p, f.name)}(h, end) ({ ${addressSlotType(f.type)} tsbpf_a_; __builtin_memcpy(&tsbpf_a_, (h).pos + ${read.at}, ${ADDRESS_TYPES[f.type].size}); tsbpf_a_; }) /* ${f.doc} */`;
  }
  return `#define ${getterName(p, f.name)}(h, end) ((${fieldCType(f.type)})(${body})) /* ${f.doc} */`;
}

/**
 * Whether a length the parser computes reaches its end along several paths (an expression with a choice in it, or
 * VLAN tags taken or not), each of which the verifier would carry on as a state of its own; an expression without a
 * choice (IPv4's {ihl} * 4) is one unknown value on one path, and needs no widening.
 */
const branches = hasChoice;

/**
 * Where a header of variable length ends: `len`, when several paths set it, widened (tsbpf_widen) to any value up to
 * the next power of two above its largest; then added and checked. Every length then leaves the parser as one state
 * for the verifier, instead of one per length (three per Ethernet header with 0, 1 or 2 VLAN tags, which every header
 * after it would multiply). With VLAN tags, each length was checked on its own path, so the end needs no check, and the
 * noise is the selector already read after them.
 */
function nextAt(p: ProtocolSpec, len: string, max: number, paths: boolean, tags = false): string[] {
  const mask = (1 << Math.ceil(Math.log2(max + 1))) - 1;
  return [
    ...(paths ? [`\ttsbpf_widen(${len}, ${tags ? "h.next_proto" : "tsbpf_be8(pos)"}, ${hex(mask)});`] : []),
    `\th.next = pos + ${len};`,
    "\ttsbpf_opaque(h.next);",
    ...(tags ? [] : [check("h.next", 0)]),
  ];
}

/** The 16-bit selector at `at`, swapped to host order unless the parser keeps it as it lies (selectorInPacketOrder). */
function selectorRead(p: ProtocolSpec, at: number): string {
  return p.selectorInPacketOrder ? `(__u32)*(__u16 *)(pos + ${at})` : `tsbpf_be16(pos + ${at})`;
}

/** The C that computes a parser's next protocol: a field read or a constant as they lie, for selectorInPacketOrder. */
function nextSelector(p: ProtocolSpec, selector: DescExpr): string {
  if (!p.selectorInPacketOrder) return expand(p, selector, id("h"));
  if (selector.k === "num") return storedSelector(p, selector.value);
  const read = selector.k === "field" ? fieldOf(p, selector.name)?.read : undefined;
  if (!read || !("at" in read) || typeof read.at !== "number" || read.width !== 2) throw new Error(`protocol ${p.name}: a selector kept in packet order is a constant or a 16-bit field`);
  return selectorRead(p, read.at);
}

/** The label a parser's failures go to. */
const NONE = "tsbpf_none";

/** A parser's bounds check: the n bytes at ptr lie before end, or the parse fails (tsbpf_check). */
function check(ptr: string, n: number): string {
  return `\ttsbpf_check(${ptr}, ${n}, end, ${NONE});`;
}

/**
 * A header's parser; `alone`, for a header nothing reads past (check/header-alone.ts), without what only serves what
 * follows: the next protocol and the walk over extension headers.
 */
function parser(p: ProtocolSpec, alone = false): string {
  const lines = [
    `/* ${p.tsName}${alone ? ", its own fields only" : ""}: ${p.doc} */`,
    `static __always_inline struct tsbpf_hdr ${parserName(p)}${alone ? ALONE : ""}(__u8 *pos, __u8 *end)`,
    "{",
    "\tstruct tsbpf_hdr h = { .pos = pos, .next = pos, .next_proto = TSBPF_NO_NEXT, .ok = 1 };",
    "",
    check("pos", p.minLength),
  ];
  for (const v of p.validity ?? []) {
    lines.push(`\tif (!(${expand(p, v.expr, id("h"))})) /* ${v.doc} */`, `\t\tgoto ${NONE};`);
  }
  if (p.length) {
    if (p.maxLength === undefined) throw new Error(`protocol ${p.name}: a length needs a maxLength`);
    lines.push(`\t__u32 len = ${expand(p, p.length, id("h"))};`, "", ...nextAt(p, "len", p.maxLength, branches(p.length)));
  } else if (!p.tags) {
    lines.push(`\th.next = pos + ${p.minLength};`);
  }
  if (p.tags) {
    const t = p.tags;
    const isTag = t.tpids.map((id) => `h.next_proto == ${storedSelector(p, id)}`).join(" || ");
    // the tags, unrolled here, one nested in the other: a tag is looked for only after one was found
    const tags: string[] = [];
    for (let i = 0; i < t.max; i++) {
      const indent = "\t".repeat(i + 1);
      tags.push(
        `${indent}if (${isTag}) {`,
        `${indent}${check(`pos + ${p.minLength + i * t.size}`, t.size)}`,
        `${indent}\th.next_proto = ${selectorRead(p, p.minLength + i * t.size + t.tagSelectorAt)};`,
        `${indent}\tlen = ${p.minLength + (i + 1) * t.size};`,
      );
    }
    for (let i = t.max - 1; i >= 0; i--) tags.push(`${"\t".repeat(i + 1)}}`);
    lines.push(
      `\t__u32 len = ${p.minLength};`,
      "",
      `\th.next_proto = ${selectorRead(p, t.selectorAt)};`,
      ...tags,
      ...nextAt(p, "len", p.minLength + t.max * t.size, true, true),
    );
  } else if (p.nextSelector && !alone) {
    lines.push(`\th.next_proto = ${nextSelector(p, p.nextSelector)};`);
  }
  if (p.chain && !alone) lines.push(...chainWalk(p, p.chain));
  // what follows leaves as a value clang cannot tie to the loads it came from, so it cannot test the next protocol
  // again in place of a child's presence flag (left as it was, clang tested Ethernet's EtherType where the program
  // tested an ICMP header's presence, on a path where the verifier knew only that the EtherType was not IPv4's:
  // test/kernel/protocols.ts). A selector read from the packet is already a value the verifier does not know, the same
  // whichever path read it; an extension walk's can be a constant (none) on some paths, so it is widened, and leaves
  // as one state for the verifier instead of one per value for every header after it (the noise is the header's first
  // bytes as they lie: any unknown bits serve)
  if (p.chain && !alone) lines.push(`\ttsbpf_widen(h.next_proto, *(__u${p.minLength >= 4 ? 32 : 8} *)pos, 0xffffffffULL);`);
  else if ((p.nextSelector || p.tags) && !alone) lines.push("\ttsbpf_opaque(h.next_proto);");
  // every way a parse fails lands here: one block of its own (tsbpf_landing) for all of them
  lines.push("\treturn h;", `${NONE}:`, "\ttsbpf_landing();", "\treturn TSBPF_NO_HDR;", "}");
  return lines.join("\n");
}

/**
 * The bounded walk over extension headers, a real loop: each known one moves the offset on; anything malformed ends
 * the chain with no next header. Written for the verifier's sake:
 * - whether a selector announces an extension header is one bit test (not one comparison per selector, after each of
 *   which the verifier would follow its own path);
 * - the offset is widened at the head of each step and at the exit (tsbpf_widen), so every way into a step, and out
 *   of the walk, looks alike to the verifier: what follows is verified once, not once per combination of extension
 *   headers — which matters when IPv6 headers nest.
 */
function chainWalk(p: ProtocolSpec, chain: ChainSpec): string[] {
  const selectors = chain.headers.flatMap((x) => x.selectors);
  if (selectors.some((s) => s >= 64)) throw new Error(`protocol ${p.name}: extension selectors must be below 64 for the bit test`);
  const mask = `0x${selectors.reduce((m, s) => m | (1n << BigInt(s)), 0n).toString(16)}ULL`;
  // the kind with the most selectors needs no test: it is what is left
  const walk = { header: id("h"), extension: id("b") };
  const byWeight = [...chain.headers].sort((x, y) => x.selectors.length - y.selectors.length);
  const lines = [
    `	__u32 off = ${p.minLength};`,
    "	__u64 noise = tsbpf_be16(pos + 2) & 0xfff;",
    "",
    "#pragma clang loop unroll(disable)",
    `	for (int i = 0; i < ${chain.max}; i++) {`,
    `		if (!tsbpf_in_set(h.next_proto, ${mask}))`,
    "			break;",
    "		tsbpf_widen(off, noise, 0xfff);",
    "		__u8 *b = pos + off;",
    "		__u32 len;",
    "",
    "		tsbpf_opaque(b);",
    `		if (!tsbpf_fits(b, ${chain.minLength}, end)) {`,
    "			h.next_proto = TSBPF_NO_NEXT;",
    "			break;",
    "		}",
  ];
  byWeight.forEach((x, i) => {
    const last = i === byWeight.length - 1;
    const test = x.selectors.map((s) => `h.next_proto == ${s}`).join(" || ");
    lines.push(last ? `		} else { /* ${x.doc} */` : `		${i ? "} else " : ""}if (${test}) { /* ${x.doc} */`, `			len = ${printExpr(descToC(p, x.length, walk))};`, `			h.next_proto = ${printExpr(descToC(p, x.next, walk))};`);
  });
  // an offset past 0xfff lies past any packet the walk can reach: the chain runs past the end (masking it would wrap back into the packet)
  lines.push("		}", "		off += len;", "		if (off > 0xfff) {", `			off = ${p.minLength};`, "			h.next_proto = TSBPF_NO_NEXT;", "		}", "		if (h.next_proto == TSBPF_NO_NEXT)", "			break;", "	}");
  lines.push(
    `	/* more than ${chain.max} extension headers: nothing follows that can be parsed */`,
    `	if (tsbpf_in_set(h.next_proto, ${mask}))`,
    "		h.next_proto = TSBPF_NO_NEXT;",
    "	/* a chain that runs past the packet leaves the header with nothing after it; either way the offset leaves widened,",
    "	 * as one state (the check after widening holds whenever the one before did) */",
    "	__u8 *last = pos + off;",
    "",
    "	tsbpf_opaque(last);",
    "	if (!tsbpf_fits(last, 0, end)) {",
    `		off = ${p.minLength};`,
    "		h.next_proto = TSBPF_NO_NEXT;",
    "	}",
    "	tsbpf_widen(off, noise, 0xfff);",
    "	h.next = pos + off;",
    "	tsbpf_opaque(h.next);",
    check("h.next", 0),
  );
  return lines;
}

/** `eth.vlan(i)`: the i-th fixed-size item after the parent's start, when the parent has more than i of them. */
function indexedAccessor(child: ProtocolSpec): string {
  const ix = child.indexed!;
  const parent = protocolByName(ix.parent)!;
  return [
    `static __always_inline struct tsbpf_hdr ${childAccessorName(parent, ix.accessor)}(struct tsbpf_hdr parent, __u32 i, __u8 *end)`,
    "{",
    "\t__u64 index = i;",
    "",
    "\ttsbpf_opaque(index);",
    `\tif (index >= ${ix.max} || index >= (${expand(parent, ix.count, id("parent"))}))`,
    "\t\treturn TSBPF_NO_HDR;",
    `\t__u8 *at = parent.pos + ${expand(parent, ix.offset, id("parent"))};`,
    "",
    "\ttsbpf_opaque(at);",
    `\treturn ${parserName(child)}(at, end);`,
    "}",
  ].join("\n");
}

/** `ip.options()`: a cursor over the bytes between the fixed part and the header's end. */
function optionsAccessor(parent: ProtocolSpec, at: number): string {
  return [
    `static __always_inline struct tsbpf_hdr ${childAccessorName(parent, "options")}(struct tsbpf_hdr parent, __u8 *end)`,
    "{",
    `\t__u8 *at = tsbpf_fresh(parent.pos + ${at}, parent.pos);`,
    "",
    `\treturn (struct tsbpf_hdr){ .pos = at, .next = at, .next_proto = (__u32)tsbpf_distance(parent.pos, parent.next) - ${at}, .ok = 1 };`,
    "}",
  ].join("\n");
}

function childAccessor(parent: ProtocolSpec, child: ProtocolSpec, selector: number, accessor: string, suffix = ""): string {
  const head = [`static __always_inline struct tsbpf_hdr ${childAccessorName(parent, accessor)}${suffix}(struct tsbpf_hdr parent, __u8 *end)`, "{"];
  // what follows a header starts from a pointer of its own (a cursor's is its own already; so is a parent's that the
  // program drops once the child is parsed, CHAINED); a cursor needs no check: its reads are checked one by one
  const start = parent === cursor || suffix.includes(CHAINED) ? "parent.next" : "tsbpf_fresh(parent.next, parent.pos)";
  if (child === cursor) return [...head, `\treturn tsbpf_cursor_at(${start});`, "}"].join("\n");
  const announced = selector === ANY_SELECTOR ? [] : [`\tif (!tsbpf_is(parent.next_proto, ${storedSelector(parent, selector)}))`, "\t\treturn TSBPF_NO_HDR;"];
  return [...head, ...announced, `\treturn ${parserName(child)}${suffix.includes(ALONE) ? ALONE : ""}(${start}, end);`, "}"].join("\n");
}

/** The suffix of the parser and accessors of a header parsed alone (see parser). */
export const ALONE = "_alone";
/**
 * The suffix of an accessor whose parent nothing reads after its child is parsed (a temporary of an accessor chain,
 * `ctx.eth()?.ipv4()`, or a variable read no more: lower/last-use.ts), so what the child's checks teach the verifier
 * about the parent's pointer changes no state that lives on, and the child needs no pointer of its own (tsbpf_fresh).
 * A parent read again keeps it (unless the probe is small and loop-free: lower/last-use.ts, FEW_STEPS): parsed in a
 * loop from such a header, the child's checks would otherwise set the parent's states apart on every trip.
 */
export const CHAINED = "_chained";

/**
 * The C for the given protocols (by name), in dependency order, with the accessors between them and their variants
 * ("eth.ipv4|_alone_chained": see parser, ALONE and CHAINED), the setters used ("ipv4.ttl") and the field swaps.
 */
export function emitProtocolRuntime(used: ReadonlySet<string>, setters: ReadonlySet<string> = new Set(), variants: ReadonlySet<string> = new Set(), swaps: ReadonlySet<string> = new Set(), boundsMove = true): string {
  const chosen = PROTOCOLS.filter((p) => used.has(p.name));
  const suffixesOf = (parent: ProtocolSpec, accessor: string) => [...variants].filter((v) => v.startsWith(`${parent.name}.${accessor}|`)).map((v) => v.split("|")[1]!);
  const aloneChildren = new Set<ProtocolSpec>();
  for (const parent of chosen) for (const c of childrenOf(parent)) if (suffixesOf(parent, c.accessor).some((x) => x.includes(ALONE))) aloneChildren.add(c.child);
  const parts = [`#define tsbpf_bounds_asm ${boundsMove ? "asm volatile" : "asm"}`, runtimeHeader("packet.h")];
  for (const p of chosen) {
    parts.push(p.fields.map((f) => getterMacro(p, f)).join("\n"));
    parts.push(parser(p));
    if (aloneChildren.has(p)) parts.push(parser(p, true));
  }
  for (const parent of chosen) {
    for (const { child, selector, accessor, optionsAt } of childrenOf(parent)) {
      if (!used.has(child.name)) continue;
      parts.push(optionsAt === undefined ? childAccessor(parent, child, selector, accessor) : optionsAccessor(parent, optionsAt));
      if (optionsAt === undefined) for (const suffix of suffixesOf(parent, accessor)) parts.push(childAccessor(parent, child, selector, accessor, suffix));
    }
  }
  for (const child of chosen) if (child.indexed && used.has(child.indexed.parent)) parts.push(indexedAccessor(child));
  if (setters.size) parts.push(runtimeHeader("checksum.h"));
  for (const p of chosen) {
    // a bit setter calls the setter of the field holding the bit: that one first
    const wanted = p.fields.filter((f) => setters.has(`${p.name}.${f.name}`) || p.fields.some((g) => g.bit?.field === f.name && setters.has(`${p.name}.${g.name}`)));
    parts.push(...wanted.filter((f) => !f.bit).map((f) => setter(p, f)), ...wanted.filter((f) => f.bit).map((f) => setter(p, f)));
  }
  for (const key of swaps) {
    const [name, a, b] = key.split(".");
    const p = chosen.find((x) => x.name === name)!;
    parts.push(swapper(p, fieldOf(p, a!)!, fieldOf(p, b!)!));
  }
  return parts.join("\n\n");
}
