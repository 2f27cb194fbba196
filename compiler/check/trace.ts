// trace("format", ...) and log.info("format", ...): a literal format with %d/%i/%u/%x placeholders matching its integer arguments.
import { ts } from "ts-morph";
import { messages } from "../diagnostics/catalogue.js";
import { typeName, VOID, type TType } from "../types/types.js";
import type { CheckContext } from "./context.js";
import { checkExpr } from "./expressions.js";
import { unparen } from "./syntax.js";

export const TRACE_MAX_ARGS = 3;
/** bpf_trace_printk formats into a 1024-byte buffer (Linux 6.1 and newer) and cuts the line there: 1023 characters with the newline. */
export const TRACE_MAX_LINE = 1023;
/** The most characters a placeholder prints: arguments are passed as 64-bit values (-9223372036854775808, ffffffffffffffff). */
const PLACEHOLDER_WIDTH: Record<string, number> = { d: 20, i: 20, u: 20, x: 16 };

/** The placeholders of a trace or log format, or a reason it is not valid. */
export function tracePlaceholders(format: string, max = TRACE_MAX_ARGS): string[] | string {
  if (!/^[\x20-\x7e]*$/.test(format)) return "printable ASCII only";
  const found: string[] = [];
  for (let i = 0; i < format.length; i++) {
    if (format[i] !== "%") continue;
    const next = format[i + 1];
    if (next === "%") {
      i++;
      continue;
    }
    if (next === "d" || next === "u" || next === "x" || next === "i") {
      found.push(next);
      i++;
      continue;
    }
    return `'%${next ?? ""}' is not a placeholder tsbpf knows; use %d, %u, %x or %%`;
  }
  return found.length > max ? `at most ${max} placeholders` : found;
}

export function checkTrace(cx: CheckContext, node: ts.CallExpression): TType | undefined {
  cx.useKernelHelper(node, "trace_printk", "trace()");
  const t = checkFormatted(cx, node, "trace()", TRACE_MAX_ARGS);
  const format = t && (unparen(node.arguments[0]!) as ts.StringLiteral).text;
  const longest = format === undefined ? 0 : longestLine(format);
  if (longest > TRACE_MAX_LINE) {
    cx.error(node.arguments[0]!, messages.traceFormat("trace()", `its line can be ${longest} characters long (the text, each placeholder at its widest, the newline), and bpf_trace_printk cuts lines at ${TRACE_MAX_LINE}; shorten the text or split it into several trace() calls`));
    return undefined;
  }
  return t;
}

/** The most characters a trace() format prints, the newline tsbpf adds included. */
function longestLine(format: string): number {
  let n = format.endsWith("\n") ? 0 : 1;
  for (let i = 0; i < format.length; i++) {
    if (format[i] === "%") n += format[++i] === "%" ? 1 : PLACEHOLDER_WIDTH[format[i]!]!;
    else n += 1;
  }
  return n;
}

/** A call whose first argument is a literal format and the rest integers for its placeholders: trace(), log.info(). */
export function checkFormatted(cx: CheckContext, node: ts.CallExpression, call: string, max: number): TType | undefined {
  const [format, ...args] = node.arguments;
  const literal = format && unparen(format);
  if (!literal || !(ts.isStringLiteral(literal) || ts.isNoSubstitutionTemplateLiteral(literal))) {
    cx.error(format ?? node, messages.traceFormat(call, "the format must be a string literal"));
    return undefined;
  }
  const placeholders = tracePlaceholders(literal.text, max);
  if (typeof placeholders === "string") {
    cx.error(literal, messages.traceFormat(call, placeholders));
    return undefined;
  }
  if (placeholders.length !== args.length) {
    cx.error(node, messages.traceFormat(call, `${placeholders.length} placeholder(s) but ${args.length} argument(s)`));
    return undefined;
  }
  let ok = true;
  for (const a of args) {
    const t = checkExpr(cx, a);
    if (t && t.kind !== "int" && t.kind !== "const" && t.kind !== "bool" && t.kind !== "enum") {
      cx.error(a, messages.traceFormat(call, `a ${typeName(t)} cannot be formatted; pass its fields`));
      ok = false;
    }
    // each argument travels as 64 bits: a constant must fit them (u64, or i64 when negative)
    const outside = t?.kind === "const" ? [t.value, t.other ?? t.value].find((v) => v < -(1n << 63n) || v >= 1n << 64n) : undefined;
    if (outside !== undefined) {
      cx.error(a, messages.literalRange(String(outside), outside < 0n ? "i64" : "u64"));
      ok = false;
    }
  }
  if (ts.isExpressionStatement(node.parent) === false) {
    cx.error(node, messages.noEffect());
    return undefined;
  }
  return ok ? VOID : undefined;
}
