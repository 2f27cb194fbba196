// How tsbpf types are spelled in C, and how constants are written for a given type.
import { num, type CExpr } from "../c/ast.js";
import { defaultIntFor, INTS, type IntName } from "../types/int-types.js";
import type { TType } from "../types/types.js";
import { kindByAction, kindByContext } from "../programs/kinds.js";

export function cType(t: TType): string {
  switch (t.kind) {
    case "int":
      return INTS[t.name].c;
    case "bool":
      return "_Bool";
    case "header":
      return "struct tsbpf_hdr";
    case "struct":
      return `struct ${t.cName}`;
    case "array":
      return cType(t.element);
    case "enum":
      if (t.underlying) return INTS[t.underlying].c;
      return kindByAction(t.name)?.actionC ?? "__u32"; // MapUpdate: a flags word
    case "context":
      return `${kindByContext(t.name)!.ctxC} *`;
    case "void":
      return "void";
    case "ref":
      return `${cType(t.target)} *`;
    default:
      throw new Error(`no C type for ${t.kind}`);
  }
}

/** A C literal of the given integer type (suffixes keep C from picking a different width or signedness). */
export function intLiteral(value: bigint, type: IntName = defaultIntFor(value) ?? "u64", hex = false): CExpr {
  const info = INTS[type];
  if (value === info.min && info.signed && info.bits >= 32) {
    return { k: "num", text: `(${value + 1n}${info.bits === 64 ? "LL" : ""} - 1)` };
  }
  const suffix = info.bits === 64 ? (info.signed ? "LL" : "ULL") : info.bits === 32 && !info.signed ? "U" : "";
  if (value < 0n) return { k: "num", text: `(${value}${suffix})` };
  return hex ? { k: "num", text: `0x${value.toString(16)}${suffix}` } : num(value, suffix);
}
