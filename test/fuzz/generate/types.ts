// The generator's value types: integers with their ranges and widenings, and the other kinds of values a probe holds.
import type { ValueTag } from "./ast.js";
import { publicApi } from "./api.js";

export const INT_TYPES = ["u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64"] as const;
export type IntType = (typeof INT_TYPES)[number];

export const isIntType = (s: string): s is IntType => (INT_TYPES as readonly string[]).includes(s);
export const bitsOf = (t: IntType): number => Number(t.slice(1));
export const isSigned = (t: IntType): boolean => t.startsWith("i");
export const minOf = (t: IntType): bigint => (isSigned(t) ? -(1n << BigInt(bitsOf(t) - 1)) : 0n);
export const maxOf = (t: IntType): bigint => (isSigned(t) ? (1n << BigInt(bitsOf(t) - 1)) - 1n : (1n << BigInt(bitsOf(t))) - 1n);
export const fits = (v: bigint, t: IntType): boolean => v >= minOf(t) && v <= maxOf(t);
export const UNSIGNED: IntType[] = ["u8", "u16", "u32", "u64"];

/** The integer types that widen implicitly into `t`, read from the brands in runtime-types/ints.d.ts. */
export function widensInto(t: IntType): IntType[] {
  const alias = publicApi().typeAliases.get(t) ?? "";
  return [...alias.matchAll(/"([ui]\d+)"/g)].map((m) => m[1]!).filter(isIntType);
}

export type VType =
  | { k: "int"; t: IntType }
  | { k: "bool" }
  | { k: "enum"; name: string }
  | { k: "header"; name: string }
  | { k: "cursor" }
  /** MacAddr, Ipv6Addr: `{ bytes: FixedArray<u8, size> }`. */
  | { k: "addr"; name: string; size: number }
  | { k: "struct"; name: string }
  | { k: "array"; elem: VType; n: number };

export const INT = (t: IntType): VType => ({ k: "int", t });
export const BOOL: VType = { k: "bool" };

/** The tag the shrinker may replace an expression of this type by a constant for. */
export function tagOf(t: VType): ValueTag | undefined {
  return t.k === "int" ? t.t : t.k === "bool" ? "bool" : undefined;
}

export function typeText(t: VType): string {
  switch (t.k) {
    case "int":
      return t.t;
    case "bool":
      return "bool";
    case "enum":
    case "header":
    case "addr":
    case "struct":
      return t.name;
    case "cursor":
      return "Cursor";
    case "array":
      return `FixedArray<${typeText(t.elem)}, ${t.n}>`;
  }
}

export function sameType(a: VType, b: VType): boolean {
  return typeText(a) === typeText(b);
}

/** Size and alignment in C, for struct layouts without padding. */
export function layoutOf(t: VType, structSize: (name: string) => { size: number; align: number }): { size: number; align: number } {
  switch (t.k) {
    case "int":
      return { size: bitsOf(t.t) / 8, align: bitsOf(t.t) / 8 };
    case "bool":
      return { size: 1, align: 1 };
    case "enum":
      return { size: 4, align: 4 };
    case "struct":
      return structSize(t.name);
    case "array": {
      const e = layoutOf(t.elem, structSize);
      return { size: e.size * t.n, align: e.align };
    }
    default:
      throw new Error(`no layout for ${typeText(t)}`);
  }
}
