// The types the checker assigns to every expression of a probe.
import type { IntName } from "./int-types.js";

export type TType =
  | { kind: "int"; name: IntName }
  /**
   * An untyped integer constant with its exact value; takes the type its context asks for.
   * With `other`, a constant known only to lie between value and other (`c ? 1 : 300`).
   */
  | { kind: "const"; value: bigint; other?: bigint }
  | { kind: "bool" }
  | { kind: "header"; proto: string; nullable: boolean }
  /** An enum; `underlying` is the integer type of a probe's own enum (absent for the runtime's XdpAction). */
  | { kind: "enum"; name: string; underlying?: IntName }
  | { kind: "context"; name: string }
  /** A struct declared by the probe (an interface or object type alias), by value. */
  | { kind: "struct"; name: string; cName: string }
  /** FixedArray<T, N>: N elements stored inline. */
  | { kind: "array"; element: TType; length: number }
  /** A BPF map declared at module level; used only through its methods. */
  | { kind: "map"; name: string }
  /** What a map's get() returns: a pointer to the stored value, null until tested (like headers). */
  | { kind: "ref"; target: TType; nullable: boolean }
  /** A config({...}) object: load-time constants read as `cfg.field`. */
  | { kind: "config"; name: string }
  | { kind: "null" }
  | { kind: "void" }
  /** A value whose declaration already has a diagnostic; uses of it report nothing more. */
  | { kind: "error" };

export const BOOL: TType = { kind: "bool" };
export const VOID: TType = { kind: "void" };
export const NULL: TType = { kind: "null" };
export const int = (name: IntName): TType => ({ kind: "int", name });
export const constant = (value: bigint): TType => ({ kind: "const", value });

export function typeName(t: TType): string {
  switch (t.kind) {
    case "int":
      return t.name;
    case "const":
      return `constant ${t.value}`;
    case "bool":
      return "bool";
    case "header":
      return t.nullable ? `${t.proto} | null` : t.proto;
    case "enum":
    case "context":
    case "struct":
      return t.name;
    case "array":
      return `FixedArray<${typeName(t.element)}, ${t.length}>`;
    case "map":
      return `map '${t.name}'`;
    case "ref":
      return `reference to ${typeName(t.target)}${t.nullable ? " | null" : ""}`;
    case "config":
      return `config '${t.name}'`;
    case "null":
      return "null";
    case "void":
      return "void";
    case "error":
      return "erroneous value";
  }
}

export function sameType(a: TType, b: TType): boolean {
  return typeName(a) === typeName(b);
}
