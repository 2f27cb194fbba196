// Generates field setters from the protocol descriptions: network-order writes that keep every checksum covering the field valid, incrementally.
import { childrenOf, fieldOf, storedSelector } from "./index.js";
import { addressSlotType, fieldCType, type ChecksumSpec, type FieldSpec, type LoadedField, type ProtocolSpec } from "./schema.js";
import { assign, binary, call, callStmt, cast, cond, decl, deref, element, hex, id, ifThen, inlineFunction, member, num, offsetFrom, slotDecl, unary, type CExpr, type CFunction, type CStmt } from "../c/ast.js";
import { getterName } from "./emit-expr.js";


export const setterName = (p: ProtocolSpec, field: string) => `tsbpf_${p.name}_set_${field}`;

/** A field a program may assign: loaded from a fixed place, or one bit of such a field. */
export function isWritable(p: ProtocolSpec, f: FieldSpec): boolean {
  if (f.bit) return !!fieldOf(p, f.bit.field) && isWritable(p, fieldOf(p, f.bit.field)!);
  return "at" in f.read && typeof f.read.at === "number";
}


const h = id("h");
const value = id("value");
const END = id("end");
/** The byte `offset` bytes into the header. */
const byteAt = (offset: number): CExpr => offsetFrom(member(h, "pos"), offset);
const raw16 = (ptr: CExpr): CExpr => call("tsbpf_raw16", [ptr]);
const raw32 = (ptr: CExpr): CExpr => call("tsbpf_raw32", [ptr]);

/** The statements that store `value` into a field, in network order, keeping the bits around a masked field. */
function write(read: LoadedField & { at: number }, type: FieldSpec["type"]): CStmt[] {
  const bits = read.width * 8;
  const word = `__u${bits}`;
  const place = deref(word, byteAt(read.at));
  const swapped = (e: CExpr) => (bits === 8 ? e : call(`__builtin_bswap${bits}`, [e]));
  if (type === "mac" || type === "ipv6addr") return [decl(addressSlotType(type), "bytes", value), callStmt("__builtin_memcpy", [byteAt(read.at), unary("&", id("bytes")), num(read.width)])];
  if (read.shift === undefined && read.mask === undefined) return [assign(place, swapped(value))];
  const shift = num(read.shift ?? 0);
  const mask = hex(read.mask ?? (2 ** (bits - (read.shift ?? 0)) - 1));
  const kept = binary("&", swapped(place), unary("~", binary("<<", cast(word, mask), shift)));
  const field = binary("<<", cast(word, binary("&", value, mask)), shift);
  return [assign(place, swapped(binary("|", kept, field)))];
}

/** One checksum covering a field, at `at` (a pointer), brought up to date with `delta` (see changeSum). */
function updateChecksum(at: CExpr, spec: ChecksumSpec, delta: CExpr): CStmt & { k: "block" } {
  const check = id("check");
  const updated = call("tsbpf_csum_apply", [check, delta]);
  const update = spec.zeroMeansNone
    ? [ifThen(binary("!=", check, num(0)), [assign(check, updated), assign(raw16(at), cond(check, check, hex(0xffff)))])]
    : [assign(raw16(at), updated)];
  return { k: "block", body: [decl("__u16", "check", raw16(at)), ...update] };
}

/**
 * What words changing from `before` to `after` add to a one's-complement sum over them, computed once for every
 * checksum that covers them: ~before + after per word, 32 bits at a time where the words come in pairs; folded
 * (tsbpf_csum_fold) unless it is at most two 16-bit words, which tsbpf_csum_apply takes as they are.
 */
function changeSum(pieces: { width: 2 | 4; before: CExpr; after: CExpr }[]): CExpr {
  const small = pieces.length <= 2 && pieces.every((p) => p.width === 2);
  const term = (p: (typeof pieces)[number]) => binary("+", cast(small ? "__u32" : "__u64", cast(`__u${p.width * 8}`, unary("~", p.before))), p.after);
  const sum = pieces.map(term).reduce((a, b) => binary("+", a, b));
  return small ? sum : call("tsbpf_csum_fold", [sum]);
}

/** A field's setter: `tsbpf_ipv4_set_ttl(h, end, value)`. */
export function setter(p: ProtocolSpec, f: FieldSpec): CFunction {
  const fn = (body: CStmt[]): CFunction => inlineFunction(setterName(p, f.name), "void", [{ type: "struct tsbpf_hdr", name: "h" }, { type: "__u8 *", name: "end" }, { type: fieldCType(f.type), name: "value" }], body);
  if (f.bit) {
    const target = fieldOf(p, f.bit.field)!;
    const get = call(getterName(p, target.name), [h, END]);
    return fn([callStmt(setterName(p, target.name), [h, END, cond(value, binary("|", get, hex(f.bit.mask)), binary("&", get, unary("~", hex(f.bit.mask))))])]);
  }
  const read = f.read as LoadedField & { at: number };
  const first = read.at & ~1;
  const words = ((read.at + read.width + 1) & ~1) - first >> 1;
  const own = p.checksum && !(read.at === p.checksum.at && read.width === 2) ? p.checksum : undefined;
  // the checksums covering the field: the header's own, and an upper layer's through its pseudo-header
  const checksums = [
    ...(own ? [{ at: byteAt(own.at), spec: own, guard: undefined as CExpr | undefined }] : []),
    ...(p.pseudoHeader?.includes(f.name) ? childrenOf(p).filter((c) => c.child.checksum?.pseudoHeader) : []).map(({ child, selector }) => {
      const c = child.checksum!;
      const announced = binary("==", member(h, "next_proto"), storedSelector(p, selector));
      return { at: binary("+", member(h, "next"), num(c.at)), spec: c, guard: binary("&&", announced, call("tsbpf_fits", [member(h, "next"), num(c.at + 2), END])) as CExpr | undefined };
    }),
  ];
  const guarded = (c: (typeof checksums)[number], update: CStmt & { k: "block" }): CStmt => (c.guard ? ifThen(c.guard, update.body) : update);
  const delta = id("delta");
  const body: CStmt[] = [];
  if ((f.type === "mac" || f.type === "ipv6addr") && read.at === first) {
    // an address: the sum of what changes is taken from the packet's old words and the value's new ones before the
    // copy, once for every checksum, so no word is held across the copy (keeping all sixteen of an IPv6 address's
    // had clang spill them on the stack)
    body.push(decl(addressSlotType(f.type), "bytes", value));
    const newAt = (k: number) => binary("+", cast("__u8 *", unary("&", id("bytes"))), num(k));
    const pieces = widestPieces(read.width, 4).map(([k, width]) => {
      const load = width === 4 ? raw32 : raw16;
      return { width: width as 2 | 4, before: load(byteAt(read.at + k)), after: load(newAt(k)) };
    });
    if (checksums.length) body.push(decl("__u32", "delta", changeSum(pieces)));
    for (const c of checksums) body.push(guarded(c, updateChecksum(c.at, c.spec, delta)));
    body.push(callStmt("__builtin_memcpy", [byteAt(read.at), unary("&", id("bytes")), num(read.width)]));
  } else {
    const covered = checksums.length > 0;
    const old = (i: number) => raw16(byteAt(first + 2 * i));
    if (covered) body.push(slotDecl("__u16", "before", undefined, words), ...range(words).map((i) => assign(element(id("before"), i), old(i))));
    body.push(...write(read, f.type));
    if (covered) body.push(decl("__u32", "delta", changeSum(range(words).map((i) => ({ width: 2 as const, before: element(id("before"), i), after: old(i) })))));
    for (const c of checksums) body.push(guarded(c, updateChecksum(c.at, c.spec, delta)));
  }
  return fn(body);
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/**
 * `width` bytes as the widest loads that fit, none wider than `widest`, in order: [offset, size] (16 → [0, 8], [8, 8];
 * 6 → [0, 4], [4, 2]).
 */
export function widestPieces(width: number, widest = 8): [number, number][] {
  const pieces: [number, number][] = [];
  for (let k = 0; k < width; ) {
    const size = [8, 4, 2, 1].find((n) => n <= widest && n <= width - k)!;
    pieces.push([k, size]);
    k += size;
  }
  return pieces;
}

export const swapperName = (p: ProtocolSpec, a: string, b: string) => `tsbpf_${p.name}_swap_${a}_${b}`;

/**
 * Whether exchanging two fields' bytes leaves every checksum as it is: fields of one type and width at fixed places,
 * apart, covered by the same checksums, and made of whole 16-bit words where a checksum covers them (a one's-complement
 * sum does not change when its words change places).
 */
export function swapKeepsChecksums(p: ProtocolSpec, a: FieldSpec, b: FieldSpec): boolean {
  if (a === b || a.type !== b.type || a.bit || b.bit || !("at" in a.read) || !("at" in b.read)) return false;
  const [ra, rb] = [a.read, b.read];
  if (typeof ra.at !== "number" || typeof rb.at !== "number" || ra.width !== rb.width) return false;
  if ([ra, rb].some((r) => r.shift !== undefined || r.mask !== undefined)) return false;
  if (ra.at < rb.at + rb.width && rb.at < ra.at + ra.width) return false;
  const pseudo = (f: FieldSpec) => p.pseudoHeader?.includes(f.name) ?? false;
  if (pseudo(a) !== pseudo(b)) return false;
  const own = p.checksum;
  if (own && [ra, rb].some((r) => (r.at as number) < own.at + 2 && own.at < (r.at as number) + r.width)) return false;
  const covered = !!own || pseudo(a);
  return !covered || (ra.at % 2 === 0 && rb.at % 2 === 0 && ra.width % 2 === 0);
}

/** Exchanges two fields' bytes in place (see swapKeepsChecksums): loaded in the widest pieces, then stored crosswise. */
export function swapper(p: ProtocolSpec, a: FieldSpec, b: FieldSpec): CFunction {
  const [ra, rb] = [a.read as LoadedField & { at: number }, b.read as LoadedField & { at: number }];
  const pieces = widestPieces(ra.width);
  const piece = (base: number, k: number, size: number) => deref(`__u${size * 8}`, byteAt(base + k));
  const body = [
    ...pieces.flatMap(([k, size], i) => [decl(`__u${size * 8}`, `a${i}`, piece(ra.at, k, size)), decl(`__u${size * 8}`, `b${i}`, piece(rb.at, k, size))]),
    ...pieces.flatMap(([k, size], i) => [assign(piece(ra.at, k, size), id(`b${i}`)), assign(piece(rb.at, k, size), id(`a${i}`))]),
  ];
  return inlineFunction(swapperName(p, a.name, b.name), "void", [{ type: "struct tsbpf_hdr", name: "h" }, { type: "__u8 *", name: "end" }], body);
}
