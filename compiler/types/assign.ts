// Assignability and operand unification: where tsbpf's no-implicit-narrowing rule lives.
import { messages, type MessageTemplate } from "../diagnostics/catalogue.js";
import { fits, INTS, widens, type IntName } from "./int-types.js";
import { sameType, typeName, type TType } from "./types.js";

/** Why `from` cannot be used where `to` is expected, or undefined if it can. */
export function assignError(from: TType, to: TType): MessageTemplate | undefined {
  if (to.kind === "int") {
    if (from.kind === "const") {
      const bad = constRange(from).find((v) => !fits(v, to.name));
      return bad === undefined ? undefined : messages.literalRange(String(bad), to.name);
    }
    if (from.kind === "int") return widens(from.name, to.name) ? undefined : messages.narrowing(from.name, to.name);
    return messages.typeMismatch(typeName(from), to.name);
  }
  if (to.kind === "header") {
    if (from.kind === "null" && to.nullable) return undefined;
    if (from.kind === "header" && from.proto === to.proto && (!from.nullable || to.nullable)) return undefined;
    return messages.typeMismatch(typeName(from), typeName(to));
  }
  // a tested reference to a struct in a map copies the struct
  if (from.kind === "ref" && to.kind === "struct" && sameType(from.target, to)) return from.nullable ? messages.typeMismatch(typeName(from), typeName(to)) : undefined;
  return sameType(from, to) ? undefined : messages.typeMismatch(typeName(from), typeName(to));
}

export type Unified = { ok: true; type: TType } | { ok: false; error: MessageTemplate };

/** The common type of two integer operands (an untyped constant adopts the other side's type). */
export function unifyInts(a: TType, b: TType): Unified {
  if (a.kind === "const" && b.kind === "const") return { ok: true, type: a };
  if (a.kind === "const" && b.kind === "int") return adopt(constRange(a), b.name);
  if (a.kind === "int" && b.kind === "const") return adopt(constRange(b), a.name);
  if (a.kind === "int" && b.kind === "int") {
    const x = INTS[a.name];
    const y = INTS[b.name];
    if (x.signed !== y.signed) return { ok: false, error: messages.mixedSignedness(a.name, b.name) };
    return { ok: true, type: x.bits >= y.bits ? a : b };
  }
  return { ok: false, error: messages.typeMismatch(typeName(a), typeName(b)) };
}

function adopt(values: bigint[], name: IntName): Unified {
  const bad = values.find((v) => !fits(v, name));
  return bad === undefined ? { ok: true, type: { kind: "int", name } } : { ok: false, error: messages.literalRange(String(bad), name) };
}

/** The lowest and highest value an untyped constant may take (they differ for `c ? 1 : 300`). */
export function constRange(t: TType & { kind: "const" }): [bigint, bigint] {
  const other = t.other ?? t.value;
  return t.value <= other ? [t.value, other] : [other, t.value];
}

export const isIntLike = (t: TType): boolean => t.kind === "int" || t.kind === "const";

/** Types that may stand in a condition: bool, integers (non-zero), headers (present). */
export const isTestable = (t: TType): boolean => t.kind === "bool" || isIntLike(t) || t.kind === "header" || t.kind === "ref";
