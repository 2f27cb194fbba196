// Generates the C packet runtime from the protocol descriptions, as C AST: getter macros, the parsers (emit-parsers.ts), child accessors, setters.
import { ANY_SELECTOR, childrenOf, fieldOf, PROTOCOLS, protocolByName, storedSelector } from "./index.js";
import { cursor } from "./cursor.js";
import { addressSlotType, ADDRESS_TYPES, fieldCType, type FieldSpec, type LoadedField, type ProtocolSpec } from "./schema.js";
import { setter, swapper, widestPieces } from "./emit-setters.js";
import { runtimeHeader } from "../runtime/headers.js";
import { binary, call, callStmt, cast, cond, decl, deref, hex, id, ifThen, inlineFunction, member, not, num, offsetFrom, ret, unary, type CExpr, type CFunction, type CStmt, type CTopLevel } from "../c/ast.js";
import { printTopLevel } from "../c/printer.js";
import { descToC, getterName } from "./emit-expr.js";
import { ALONE, NO_HEADER, parser, parserName, UNTAGGED } from "./emit-parsers.js";

export { getterName } from "./emit-expr.js";
export { ALONE, NO_HEADER, UNTAGGED } from "./emit-parsers.js";
export const childAccessorName = (parent: ProtocolSpec, accessor: string) => `tsbpf_${parent.name}_${accessor}`;

/** The header value of a getter macro: its parameter h. */
const MACRO_HEADER: CExpr = { k: "macroArg", name: "h" };
const END = id("end");

/** A field's load from its header h: at a fixed place, or (GRE's key) at one computed from other fields. */
function loadExpr(p: ProtocolSpec, read: LoadedField, h: CExpr): CExpr {
  const be = (ptr: CExpr) => call(`tsbpf_be${read.width * 8}`, [ptr]);
  if (typeof read.at !== "number") {
    // a field at a computed place: checked against the packet end on its own, 0 when the header lacks it; the pointer
    // is made once and hidden, so the pointer read is the pointer checked
    const f = id("tsbpf_f_");
    const fits = call("tsbpf_fits", [f, num(read.width), END]);
    const present = read.present ? binary("&&", descToC(p, read.present, { header: h }), fits) : fits;
    return { k: "scoped", locals: [{ type: "__u8 *", name: "tsbpf_f_", init: offsetFrom(member(h, "pos"), descToC(p, read.at, { header: h })) }], effects: [call("tsbpf_opaque", [f])], value: cond(present, be(f), num(0)) };
  }
  let e = be(offsetFrom(member(h, "pos"), read.at));
  if (read.shift) e = binary(">>", e, num(read.shift));
  if (read.mask !== undefined) e = binary("&", e, hex(read.mask));
  return e;
}

/** A field's getter, a macro over the header value and the packet's end: `tsbpf_ipv4_ttl(h, end)`. */
function getterMacro(p: ProtocolSpec, f: FieldSpec): CTopLevel {
  const macro = (body: CExpr): CTopLevel => ({ k: "macro", macro: { name: getterName(p, f.name), params: ["h", "end"], body, comment: f.doc } });
  if (f.type === "mac" || f.type === "ipv6addr") {
    // an address is copied out of the packet by value, in the widest loads that fit (a memcpy from the packet, whose
    // alignment clang cannot know, was a load per byte and a shift and an or to put them together)
    const read = f.read as LoadedField & { at: number };
    const pieces = widestPieces(ADDRESS_TYPES[f.type].size);
    const locals = [{ type: addressSlotType(f.type), name: "tsbpf_a_" }, ...pieces.map(([k, size], i) => ({ type: `__u${size * 8}`, name: `tsbpf_w${i}_`, init: deref(`__u${size * 8}`, offsetFrom(member(MACRO_HEADER, "pos"), read.at + k)) }))];
    const copies = pieces.map(([k, size], i) => call("__builtin_memcpy", [binary("+", cast("__u8 *", unary("&", id("tsbpf_a_"))), num(k)), unary("&", id(`tsbpf_w${i}_`)), num(size)]));
    return macro({ k: "scoped", locals, effects: copies, value: id("tsbpf_a_") });
  }
  const body = "at" in f.read ? loadExpr(p, f.read, MACRO_HEADER) : descToC(p, f.read.expr, { header: MACRO_HEADER });
  return macro(cast(fieldCType(f.type), body));
}

/** An accessor on a parent header: `static __always_inline struct tsbpf_hdr name(struct tsbpf_hdr parent, ...)`. */
function accessor(name: string, params: { type: string; name: string }[], body: CStmt[]): CFunction {
  return inlineFunction(name, "struct tsbpf_hdr", [{ type: "struct tsbpf_hdr", name: "parent" }, ...params, { type: "__u8 *", name: "end" }], body);
}

const parent = id("parent");

/** base + e, with a sum e added term by term: ((base + a) + b). */
const termByTerm = (base: CExpr, e: CExpr): CExpr => (e.k === "binary" && e.op === "+" ? termByTerm(termByTerm(base, e.left), e.right) : offsetFrom(base, e));

/** `eth.vlan(i)`: the i-th fixed-size item after the parent's start, when the parent has more than i of them. */
function indexedAccessor(child: ProtocolSpec): CFunction {
  const ix = child.indexed!;
  const p = protocolByName(ix.parent)!;
  const index = id("index");
  return accessor(childAccessorName(p, ix.accessor), [{ type: "__u32", name: "i" }], [
    decl("__u64", "index", id("i")),
    callStmt("tsbpf_opaque", [index]),
    ifThen(binary("||", binary(">=", index, num(ix.max)), binary(">=", index, descToC(p, ix.count, { header: parent }))), [ret(NO_HEADER)]),
    // the offset's terms are added to the pointer one by one, constant first (pos + 12 + 4 * index)
    decl("__u8 *", "at", termByTerm(member(parent, "pos"), descToC(p, ix.offset, { header: parent }))),
    callStmt("tsbpf_opaque", [id("at")]),
    ret(call(parserName(child), [id("at"), END])),
  ]);
}

/** `ip.options()`: a cursor over the bytes between the fixed part and the header's end. */
function optionsAccessor(p: ProtocolSpec, at: number): CFunction {
  const start = id("at");
  const length = binary("-", cast("__u32", call("tsbpf_distance", [member(parent, "pos"), member(parent, "next")])), num(at));
  return accessor(childAccessorName(p, "options"), [], [
    decl("__u8 *", "at", call("tsbpf_fresh", [offsetFrom(member(parent, "pos"), at), member(parent, "pos")])),
    ret({ k: "compound", type: "struct tsbpf_hdr", fields: [["pos", start], ["next", start], ["next_proto", length], ["ok", num(1)]] }),
  ]);
}

function childAccessor(p: ProtocolSpec, child: ProtocolSpec, selector: number, name: string, suffix = ""): CFunction {
  // what follows a header starts from a pointer of its own (a cursor's is its own already; so is a parent's that the
  // program drops once the child is parsed, CHAINED); a cursor needs no check: its reads are checked one by one
  const next = member(parent, "next");
  const start = p === cursor || suffix.includes(CHAINED) ? next : call("tsbpf_fresh", [next, member(parent, "pos")]);
  const fn = (body: CStmt[]) => accessor(`${childAccessorName(p, name)}${suffix}`, [], body);
  if (child === cursor) return fn([ret(call("tsbpf_cursor_at", [start]))]);
  const announced = selector === ANY_SELECTOR ? [] : [ifThen(not(call("tsbpf_is", [member(parent, "next_proto"), storedSelector(p, selector)])), [ret(NO_HEADER)])];
  const variant = `${suffix.includes(ALONE) ? ALONE : ""}${suffix.includes(UNTAGGED) ? UNTAGGED : ""}`;
  return fn([...announced, ret(call(`${parserName(child)}${variant}`, [start, END]))]);
}

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
 * ("eth.ipv4|_alone_chained": see parser, ALONE and CHAINED; "eth|_untagged": UNTAGGED), the setters used ("ipv4.ttl") and the field swaps.
 */
export function emitProtocolRuntime(used: ReadonlySet<string>, setters: ReadonlySet<string> = new Set(), variants: ReadonlySet<string> = new Set(), swaps: ReadonlySet<string> = new Set(), boundsMove = true): string {
  const chosen = PROTOCOLS.filter((p) => used.has(p.name));
  const suffixesOf = (parent: ProtocolSpec, accessor: string) => [...variants].filter((v) => v.startsWith(`${parent.name}.${accessor}|`)).map((v) => v.split("|")[1]!);
  const aloneChildren = new Set<ProtocolSpec>();
  const untaggedChildren = new Set<ProtocolSpec>(chosen.filter((p) => variants.has(`${p.name}|${UNTAGGED}`)));
  for (const parent of chosen) {
    for (const c of childrenOf(parent)) {
      if (suffixesOf(parent, c.accessor).some((x) => x.includes(ALONE))) aloneChildren.add(c.child);
      if (suffixesOf(parent, c.accessor).some((x) => x.includes(UNTAGGED))) untaggedChildren.add(c.child);
    }
  }
  const fn = (f: CFunction): CTopLevel => ({ k: "function", fn: f });
  const text = (t: string): CTopLevel => ({ k: "text", text: t });
  const parts: CTopLevel[] = [{ k: "macro", macro: { name: "tsbpf_bounds_asm", body: { tokens: boundsMove ? "asm volatile" : "asm" } } }, text(runtimeHeader("packet.h"))];
  for (const p of chosen) {
    parts.push(...p.fields.map((f) => getterMacro(p, f)));
    parts.push(fn(parser(p)));
    if (aloneChildren.has(p)) parts.push(fn(parser(p, true)));
    if (untaggedChildren.has(p)) parts.push(fn(parser(p, false, true)));
  }
  for (const parent of chosen) {
    for (const { child, selector, accessor, optionsAt } of childrenOf(parent)) {
      if (!used.has(child.name)) continue;
      parts.push(fn(optionsAt === undefined ? childAccessor(parent, child, selector, accessor) : optionsAccessor(parent, optionsAt)));
      if (optionsAt === undefined) for (const suffix of suffixesOf(parent, accessor)) parts.push(fn(childAccessor(parent, child, selector, accessor, suffix)));
    }
  }
  for (const child of chosen) if (child.indexed && used.has(child.indexed.parent)) parts.push(fn(indexedAccessor(child)));
  if (setters.size) parts.push(text(runtimeHeader("checksum.h")));
  for (const p of chosen) {
    // a bit setter calls the setter of the field holding the bit: that one first
    const wanted = p.fields.filter((f) => setters.has(`${p.name}.${f.name}`) || p.fields.some((g) => g.bit?.field === f.name && setters.has(`${p.name}.${g.name}`)));
    parts.push(...[...wanted.filter((f) => !f.bit), ...wanted.filter((f) => f.bit)].map((f) => fn(setter(p, f))));
  }
  for (const key of swaps) {
    const [name, a, b] = key.split(".");
    const p = chosen.find((x) => x.name === name)!;
    parts.push(fn(swapper(p, fieldOf(p, a!)!, fieldOf(p, b!)!)));
  }
  return printTopLevel(parts);
}
