// tsbpf's scalar types: the eight integer types, bool, untyped constants, and the rules for mixing them.

export type IntName = "u8" | "u16" | "u32" | "u64" | "i8" | "i16" | "i32" | "i64";

export interface IntInfo {
  name: IntName;
  bits: 8 | 16 | 32 | 64;
  signed: boolean;
  min: bigint;
  max: bigint;
  /** The C type spelled in generated code. */
  c: string;
}

function info(name: IntName): IntInfo {
  const signed = name.startsWith("i");
  const bits = Number(name.slice(1)) as IntInfo["bits"];
  const min = signed ? -(1n << BigInt(bits - 1)) : 0n;
  const max = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
  return { name, bits, signed, min, max, c: `__${signed ? "s" : "u"}${bits}` };
}

export const INT_NAMES: readonly IntName[] = ["u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64"];
export const INTS: Record<IntName, IntInfo> = Object.fromEntries(INT_NAMES.map((n) => [n, info(n)])) as Record<IntName, IntInfo>;

export function isIntName(s: string): s is IntName {
  return (INT_NAMES as readonly string[]).includes(s);
}

export function fits(value: bigint, t: IntName): boolean {
  const i = INTS[t];
  return value >= i.min && value <= i.max;
}

/** Widening without a conversion: same signedness and no narrower, or unsigned into a strictly wider signed type. */
export function widens(from: IntName, to: IntName): boolean {
  const f = INTS[from];
  const t = INTS[to];
  if (f.signed === t.signed) return f.bits <= t.bits;
  return !f.signed && t.signed && f.bits < t.bits;
}

/** The type an untyped constant takes when it must have one: u32, u64, i32 or i64, the first that holds it (undefined if none). */
export function defaultIntFor(value: bigint, other: bigint = value): IntName | undefined {
  const lo = value < other ? value : other;
  const hi = value < other ? other : value;
  const order: IntName[] = lo >= 0n ? ["u32", "u64"] : ["i32", "i64"];
  return order.find((t) => fits(lo, t) && fits(hi, t));
}

/** Constants beyond this many bits cannot be a value of any type; folding stops there. */
export const MAX_CONSTANT_BITS = 128;

/** Two's-complement wrap of an exact value into a type (what a C cast does). */
export function wrap(value: bigint, t: IntName): bigint {
  const i = INTS[t];
  return i.signed ? BigInt.asIntN(i.bits, value) : BigInt.asUintN(i.bits, value);
}
