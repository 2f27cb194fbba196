// Lowers trace("fmt", ...) to bpf_trace_printk with the format in .rodata (not on the 512-byte stack) and every argument widened to 64 bits.
import { ts } from "ts-morph";
import { call, cast, id, type CExpr, type CStmt, type SourceLine } from "../../c/ast.js";
import { unparen } from "../../check/syntax.js";
import { INTS } from "../../types/int-types.js";
import type { LowerContext } from "../context.js";
import { lowerAs } from "../expressions.js";

export function isTraceCall(lx: LowerContext, e: ts.Expression): boolean {
  if (!ts.isCallExpression(e) || !ts.isIdentifier(unparen(e.expression))) return false;
  const decl = lx.facts.declarationOf(unparen(e.expression));
  return !!decl && lx.facts.isAmbient(decl) && (unparen(e.expression) as ts.Identifier).text === "trace";
}

/** A trace() or log.*() argument as 64 bits: `(__s64)x` for signed values (sign-extended), `(__u64)x` otherwise. */
export function widenTo64(lx: LowerContext, arg: ts.Expression): CExpr {
  const t = lx.typeOf(arg);
  const signed = (t.kind === "int" && INTS[t.name].signed) || (t.kind === "const" && t.value < 0n);
  return cast(signed ? "__s64" : "__u64", lowerAs(lx, arg, t.kind === "const" ? { kind: "int", name: signed ? "i64" : "u64" } : undefined));
}

export function lowerTrace(lx: LowerContext, node: ts.CallExpression, at: SourceLine): CStmt {
  lx.kernelHelpers.add("trace_printk");
  const literal = unparen(node.arguments[0]!) as ts.StringLiteral;
  // %d → %lld and so on: every argument is passed as a 64-bit value, so the format always matches
  const format = literal.text.replace(/%(%|[diux])/g, (_, c: string) => (c === "%" ? "%%" : `%ll${c === "i" ? "d" : c}`));
  const text = format.endsWith("\n") ? format : `${format}\n`;
  const args = node.arguments.slice(1).map((a) => widenTo64(lx, a));
  return {
    k: "block",
    body: [
      { k: "decl", type: "static const char", name: "tsbpf_fmt", length: null, init: { k: "string", value: text }, at },
      { k: "expr", expr: call("tsbpf_trace_printk", [id("tsbpf_fmt"), { k: "sizeof", operand: id("tsbpf_fmt") }, ...args]), at },
    ],
    at,
  };
}
