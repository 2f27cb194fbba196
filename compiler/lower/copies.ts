// Struct copies clang cannot lower whole: past 1024 bytes BPF's backend would call memcpy, which BPF does not have, so such copies go in chunks it inlines.
import { ts } from "ts-morph";
import { binary, call, callStmt, cast, cond, id, inlineFunction, num, unary, type CExpr, type CStmt } from "../c/ast.js";
import { unparen } from "../check/syntax.js";
import { layoutOf } from "../types/layout.js";
import type { TType } from "../types/types.js";
import { cType } from "./c-types.js";
import type { LowerContext } from "./context.js";
import { lowerAs, lowerTest } from "./expressions.js";

/** The most bytes clang's BPF backend copies inline (128 stores of 8 bytes); a bigger copy becomes a memcpy call. */
export const INLINE_COPY_BYTES = 1024;

/**
 * `dst = src` for a struct too big to copy inline (only map values are: the stack holds 512 bytes): a call of
 * `tsbpf_copy_<struct>(&dst, &src)`, which copies 1024 bytes at a time. Undefined for a struct clang copies itself.
 */
export function lowerBigCopy(lx: LowerContext, target: CExpr, source: ts.Expression, t: TType): CExpr | undefined {
  if (t.kind !== "struct") return undefined;
  const size = layoutOf(lx.facts, t).size;
  if (size <= INLINE_COPY_BYTES) return undefined;
  const name = `tsbpf_copy_${t.cName}`;
  if (!lx.accessors.has(name)) {
    const chunks: CStmt[] = [];
    for (let at = 0; at < size; at += INLINE_COPY_BYTES) {
      chunks.push(callStmt("__builtin_memcpy", [binary("+", cast("char *", id("dst")), num(at)), binary("+", cast("const char *", id("src")), num(at)), num(Math.min(INLINE_COPY_BYTES, size - at))]));
    }
    const T = cType(t);
    const params = [{ type: `${T} *`, name: "dst" }, { type: `const ${T} *`, name: "src" }];
    lx.accessors.set(name, [{ k: "function", fn: inlineFunction(name, "void", params, chunks) }]);
  }
  return call(name, [unary("&", target), addressOf(lx, source, t)]);
}

/** The address of a struct value: `&r->inner`, or for `c ? a : b`, `c ? &a : &b`. */
function addressOf(lx: LowerContext, e: ts.Expression, t: TType): CExpr {
  const u = unparen(e);
  if (ts.isConditionalExpression(u)) return cond(lowerTest(lx, u.condition), addressOf(lx, u.whenTrue, t), addressOf(lx, u.whenFalse, t));
  return unary("&", lowerAs(lx, e, t));
}
