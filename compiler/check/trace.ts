// trace("format", ...): a literal format with %d/%u/%x placeholders matching up to three integer arguments.
import { ts } from "ts-morph";
import { messages } from "../diagnostics/catalogue.js";
import { typeName, VOID, type TType } from "../types/types.js";
import type { CheckContext } from "./context.js";
import { checkExpr } from "./expressions.js";
import { unparen } from "./syntax.js";

export const TRACE_MAX_ARGS = 3;

/** The placeholders of a trace format, or a reason it is not valid. */
export function tracePlaceholders(format: string): string[] | string {
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
  return found.length > TRACE_MAX_ARGS ? `at most ${TRACE_MAX_ARGS} placeholders` : found;
}

export function checkTrace(cx: CheckContext, node: ts.CallExpression): TType | undefined {
  const [format, ...args] = node.arguments;
  const literal = format && unparen(format);
  if (!literal || !(ts.isStringLiteral(literal) || ts.isNoSubstitutionTemplateLiteral(literal))) {
    cx.error(format ?? node, messages.traceFormat("the format must be a string literal"));
    return undefined;
  }
  const placeholders = tracePlaceholders(literal.text);
  if (typeof placeholders === "string") {
    cx.error(literal, messages.traceFormat(placeholders));
    return undefined;
  }
  if (placeholders.length !== args.length) {
    cx.error(node, messages.traceFormat(`${placeholders.length} placeholder(s) but ${args.length} argument(s)`));
    return undefined;
  }
  let ok = true;
  for (const a of args) {
    const t = checkExpr(cx, a);
    if (t && t.kind !== "int" && t.kind !== "const" && t.kind !== "bool" && t.kind !== "enum") {
      cx.error(a, messages.traceFormat(`a ${typeName(t)} cannot be traced; trace its fields`));
      ok = false;
    }
  }
  if (ts.isExpressionStatement(node.parent) === false) {
    cx.error(node, messages.noEffect());
    return undefined;
  }
  return ok ? VOID : undefined;
}
