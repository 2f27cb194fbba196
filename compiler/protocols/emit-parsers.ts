// Builds each header's validating parser, as C AST, from its description: bounds, validity, length, VLAN tags, the next protocol and extension chains.
import { assign, binary, call, callStmt, cast, comment, decl, deref, exprStmt, goto, hex, id, ifThen, inlineFunction, member, not, num, offsetFrom, ret, type CExpr, type CFunction, type CStmt } from "../c/ast.js";
import { descToC, recordsLength } from "./emit-expr.js";
import { hasChoice, type DescExpr } from "./expr.js";
import { fieldOf, storedSelector } from "./index.js";
import type { ChainSpec, ProtocolSpec } from "./schema.js";

export const parserName = (p: ProtocolSpec) => `tsbpf_parse_${p.name}`;

/** The suffix of the parser and accessors of a header parsed alone (see parser). */
export const ALONE = "_alone";

/** The suffix of the parser of a header whose tags are seen but not walked (see tagStack; lower/tag-refusal.ts). */
export const UNTAGGED = "_untagged";

/** A header value that is no header. */
export const NO_HEADER: CExpr = id("TSBPF_NO_HDR");

/** The label a parser's failures go to. */
const NONE = "tsbpf_none";

const h = id("h");
const pos = id("pos");
const end = id("end");
const nextProto = member(h, "next_proto");
const NO_NEXT = id("TSBPF_NO_NEXT");
const at = offsetFrom;

/** A parser's bounds check: the n bytes at ptr lie before end, or the parse fails (tsbpf_check). */
const check = (ptr: CExpr, n: number): CStmt => callStmt("tsbpf_check", [ptr, num(n), end, id(NONE)]);

/** The C of a description expression over the parser's header h. */
const over = (p: ProtocolSpec, e: DescExpr) => descToC(p, e, { header: h });

/**
 * Where a header of variable length ends: `len`, when several paths set it, widened (tsbpf_widen, with bits the
 * verifier cannot know: `noise`) to any value up to the next power of two above its largest; then added and, unless
 * each length was checked on its own path (VLAN tags), checked. Every length then leaves the parser as one state for
 * the verifier, instead of one per length (three per Ethernet header with 0, 1 or 2 VLAN tags, which every header
 * after it would multiply). A length without a choice in it (IPv4's ihl × 4) is one unknown value on one path, and
 * needs no widening (no noise).
 */
function nextAt(p: ProtocolSpec, len: CExpr, max: number, noise: CExpr | undefined, checkEnd: boolean): CStmt[] {
  const mask = (1 << Math.ceil(Math.log2(max + 1))) - 1;
  return [
    ...(noise ? [callStmt("tsbpf_widen", [len, noise, hex(mask)])] : []),
    ...recordLength(p, len),
    assign(member(h, "next"), binary("+", pos, len)),
    callStmt("tsbpf_opaque", [member(h, "next")]),
    ...(checkEnd ? [check(member(h, "next"), 0)] : []),
  ];
}

/**
 * The header's length, kept as a value of its own where a field reads it (LENGTH): computed from the header's pointers,
 * it kept the header's own pointer alive after the parse, and the verifier, which knows more bytes proven behind a
 * tagged Ethernet header's pointer than behind an untagged one's, walked everything after the parse once per path.
 */
function recordLength(p: ProtocolSpec, len: CExpr): CStmt[] {
  return recordsLength(p) ? [assign(member(h, "len"), len)] : [];
}

/** The 16-bit selector at `at`, swapped to host order unless the parser keeps it as it lies (selectorInPacketOrder). */
function selectorRead(p: ProtocolSpec, offset: number): CExpr {
  return p.selectorInPacketOrder ? cast("__u32", deref("__u16", at(pos, offset))) : call("tsbpf_be16", [at(pos, offset)]);
}

/** What computes a parser's next protocol: a field read or a constant as they lie, for selectorInPacketOrder. */
function nextSelector(p: ProtocolSpec, selector: DescExpr): CExpr {
  if (!p.selectorInPacketOrder) return over(p, selector);
  if (selector.k === "num") return storedSelector(p, selector.value);
  const read = selector.k === "field" ? fieldOf(p, selector.name)?.read : undefined;
  if (!read || !("at" in read) || typeof read.at !== "number" || read.width !== 2) throw new Error(`protocol ${p.name}: a selector kept in packet order is a constant or a 16-bit field`);
  return selectorRead(p, read.at);
}

/**
 * The VLAN tags, unrolled, one nested in the other: a tag is looked for only after one was found. `untagged`, for a
 * program that refuses tagged frames before anything depends on their tags (lower/tag-refusal.ts), does not walk
 * them: a tagged frame gives a header one tag long (its selector a TPID, so nothing follows it) whatever its tags.
 */
function tagStack(p: ProtocolSpec, untagged: boolean): CStmt[] {
  const t = p.tags!;
  const isTag = t.tpids.map((tpid) => binary("==", nextProto, storedSelector(p, tpid))).reduce((a, b) => binary("||", a, b));
  if (untagged) {
    return [decl("__u32", "len", num(p.minLength)), assign(nextProto, selectorRead(p, t.selectorAt)), ifThen(isTag, [assign(id("len"), num(p.minLength + t.size))]), ...nextAt(p, id("len"), p.minLength + t.size, undefined, false)];
  }
  const level = (i: number): CStmt[] => i === t.max ? [] : [
    ifThen(isTag, [
      check(at(pos, p.minLength + i * t.size), t.size),
      assign(nextProto, selectorRead(p, p.minLength + i * t.size + t.tagSelectorAt)),
      assign(id("len"), num(p.minLength + (i + 1) * t.size)),
      ...level(i + 1),
    ]),
  ];
  return [decl("__u32", "len", num(p.minLength)), assign(nextProto, selectorRead(p, t.selectorAt)), ...level(0), ...nextAt(p, id("len"), p.minLength + t.max * t.size, nextProto, false)];
}

/**
 * A header's parser; `alone`, for a header nothing reads past (check/header-alone.ts), without what only serves what
 * follows: the next protocol and the walk over extension headers; `untagged`, with its tags seen but not walked.
 */
export function parser(p: ProtocolSpec, alone = false, untagged = false): CFunction {
  const body: CStmt[] = [
    decl("struct tsbpf_hdr", "h", { k: "designated", fields: [["pos", pos], ["next", pos], ["next_proto", NO_NEXT], ["ok", num(1)]] }),
    check(pos, p.minLength),
  ];
  for (const v of p.validity ?? []) body.push(comment(v.doc), ifThen(not(over(p, v.expr)), [goto(NONE)]));
  if (p.length) {
    if (p.maxLength === undefined) throw new Error(`protocol ${p.name}: a length needs a maxLength`);
    body.push(decl("__u32", "len", over(p, p.length)), ...nextAt(p, id("len"), p.maxLength, hasChoice(p.length) ? call("tsbpf_be8", [pos]) : undefined, true));
  } else if (!p.tags) {
    body.push(assign(member(h, "next"), at(pos, p.minLength)));
  }
  if (p.tags) body.push(...tagStack(p, untagged));
  else if (p.nextSelector && !alone) body.push(assign(nextProto, nextSelector(p, p.nextSelector)));
  if (p.chain && !alone) body.push(...chainWalk(p, p.chain));
  if (p.chain && !alone) {
    // an extension walk's next protocol can be a constant (none) on some paths: widened, it leaves as one state for the
    // verifier instead of one per value for every header after it (the noise is the header's first bytes as they lie)
    body.push(callStmt("tsbpf_widen", [nextProto, deref(p.minLength >= 4 ? "__u32" : "__u8", pos), hex(0xffffffff, "ULL")]));
  } else if ((p.nextSelector || p.tags) && !alone) {
    // what follows leaves as a value clang cannot tie to the loads it came from, so it cannot test the next protocol
    // again in place of a child's presence flag (left as it was, clang tested Ethernet's EtherType where the program
    // tested an ICMP header's presence, on a path where the verifier knew only that the EtherType was not IPv4's:
    // test/kernel/protocols.ts)
    body.push(callStmt("tsbpf_opaque", [nextProto]));
  }
  // every way a parse fails lands here: one block of its own (tsbpf_landing) for all of them
  body.push(ret(h), { k: "label", name: NONE, body: callStmt("tsbpf_landing", []) }, ret(NO_HEADER));
  return {
    ...inlineFunction(`${parserName(p)}${alone ? ALONE : ""}${untagged ? UNTAGGED : ""}`, "struct tsbpf_hdr", [{ type: "__u8 *", name: "pos" }, { type: "__u8 *", name: "end" }], body),
    comment: `${p.tsName}${alone ? ", its own fields only" : ""}${untagged ? ", its tags seen but not walked" : ""}: ${p.doc}`,
  };
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
function chainWalk(p: ProtocolSpec, chain: ChainSpec): CStmt[] {
  const selectors = chain.headers.flatMap((x) => x.selectors);
  if (selectors.some((s) => s >= 64)) throw new Error(`protocol ${p.name}: extension selectors must be below 64 for the bit test`);
  const mask = hex(selectors.reduce((m, s) => m | (1n << BigInt(s)), 0n), "ULL");
  const [off, b, len, noise] = [id("off"), id("b"), id("len"), id("noise")];
  const walk = { header: h, extension: b };
  const [past, cut, done] = ["tsbpf_walk_past", "tsbpf_walk_cut", "tsbpf_walk_end"];
  // where every kind finds the next protocol in the same place, it is read once after the kinds
  const sharedNext = chain.headers.every((x) => JSON.stringify(x.next) === JSON.stringify(chain.headers[0]!.next)) ? chain.headers[0]!.next : undefined;
  // the kind with the most selectors needs no test: it is what is left
  const byWeight = [...chain.headers].sort((x, y) => x.selectors.length - y.selectors.length);
  const kinds = byWeight.reduceRight<CStmt[] | undefined>((otherwise, x) => {
    const step = [
      comment(x.doc),
      assign(len, descToC(p, x.length, walk)),
      ...(x.endsWhen ? [ifThen(descToC(p, x.endsWhen, walk), [exprStmt(binary("+=", off, len)), goto(cut)])] : []),
      ...(sharedNext ? [] : [assign(nextProto, descToC(p, x.next, walk))]),
    ];
    if (!otherwise) return step;
    return [ifThen(x.selectors.map((s) => binary("==", nextProto, num(s))).reduce((l, r) => binary("||", l, r)), step, otherwise)];
  }, undefined)!;
  if (sharedNext) kinds.push(assign(nextProto, descToC(p, sharedNext, walk)));
  const isExtension = call("tsbpf_in_set", [nextProto, mask]);
  // every way out of the walk is a jump to where what it leaves is set: the loop carries only the offset and the next
  // protocol, and the verifier walks each way out once
  const trip: CStmt[] = [
    callStmt("tsbpf_widen", [off, noise, hex(0xfff)]),
    decl("__u8 *", "b", binary("+", pos, off)),
    decl("__u32", "len"),
    callStmt("tsbpf_opaque", [b]),
    ifThen(not(call("tsbpf_fits", [b, num(chain.minLength), end])), [goto(cut)]),
    ...kinds,
    exprStmt(binary("+=", off, len)),
    // an offset past 0xfff lies past any packet the walk can reach: the chain runs past the end (masking it would wrap back into the packet)
    ifThen(binary(">", off, hex(0xfff)), [goto(past)]),
    ifThen(not(isExtension), [goto(done)]),
    comment(`more than ${chain.max} extension headers: nothing follows that can be parsed`),
    ifThen(binary("==", id("i"), num(chain.max - 1)), [goto(cut)]),
  ];
  const last = id("last");
  return [
    decl("__u32", "off", num(p.minLength)),
    decl("__u64", "noise", deref("__u16", at(pos, 2))),
    comment("a header with no extension header after it pays one bit test: the walk and its end checks are skipped"),
    ifThen(isExtension, [
      decl("__u8 *", "last"),
      { k: "pragma", text: "clang loop unroll(disable)" },
      { k: "for", init: decl("int", "i", num(0)), update: { k: "unary", op: "++", operand: id("i") }, body: trip },
      // each way out a block of its own (tsbpf_landing): clang otherwise set what they leave ahead of the jumps, on every trip
      { k: "label", name: past, body: callStmt("tsbpf_landing", []) },
      assign(off, num(p.minLength)),
      { k: "label", name: cut, body: callStmt("tsbpf_landing", []) },
      assign(nextProto, NO_NEXT),
      comment("a chain that runs past the packet leaves the header with nothing after it"),
      { k: "label", name: done, body: assign(last, binary("+", pos, off)) },
      callStmt("tsbpf_opaque", [last]),
      ifThen(not(call("tsbpf_fits", [last, num(0), end])), [assign(off, num(p.minLength)), assign(nextProto, NO_NEXT)]),
    ]),
    comment("either way the offset leaves widened, as one state (the check after widening holds whenever the one before did)"),
    callStmt("tsbpf_widen", [off, noise, hex(0xfff)]),
    ...recordLength(p, off),
    assign(member(h, "next"), binary("+", pos, off)),
    callStmt("tsbpf_opaque", [member(h, "next")]),
    check(member(h, "next"), 0),
  ];
}
