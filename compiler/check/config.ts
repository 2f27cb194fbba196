// Checks `const cfg = config({ port: u16(22), strict: true })`: load-time constants with explicit types and default values.
import { ts } from "ts-morph";
import { messages } from "../diagnostics/catalogue.js";
import type { TType } from "../types/types.js";
import { constantOf } from "./constants.js";
import type { CheckContext } from "./context.js";
import { checkExpr } from "./expressions.js";
import { isReservedInC, MAX_OBJECT_NAME } from "./names.js";
import { unparen } from "./syntax.js";

export interface ConfigInfo {
  name: string;
  /** In declaration order: the C struct and the manifest follow it. */
  fields: { name: string; type: TType & { kind: "int" | "bool" }; value: bigint }[];
  decl: ts.VariableDeclaration;
}

/** True for a call of the runtime's config(). */
export function isConfigCall(cx: CheckContext, init: ts.Expression): init is ts.CallExpression {
  if (!ts.isCallExpression(init) || !ts.isIdentifier(init.expression) || init.expression.text !== "config") return false;
  const decl = cx.declarationOf(init.expression);
  return !!decl && cx.isAmbient(decl);
}

export function declareConfig(cx: CheckContext, decl: ts.VariableDeclaration & { name: ts.Identifier }, init: ts.CallExpression): ConfigInfo | undefined {
  const literal = init.arguments.length === 1 ? unparen(init.arguments[0]!) : undefined;
  if (!literal || !ts.isObjectLiteralExpression(literal) || literal.properties.length === 0) {
    cx.error(init, messages.configDeclaration("give one object literal of typed constants, e.g. config({ port: u16(22), strict: true })"));
    return undefined;
  }
  const info: ConfigInfo = { name: decl.name.text, fields: [], decl };
  let ok = true;
  for (const p of literal.properties) {
    const name = p.name && ts.isIdentifier(p.name) ? p.name.text : undefined;
    if (!ts.isPropertyAssignment(p) || !name || info.fields.some((f) => f.name === name) || isReservedInC(name)) {
      cx.error(p, messages.configDeclaration("each field is written once as `name: u16(22)` (or true/false), with a name C accepts"));
      ok = false;
      continue;
    }
    if (name.length > MAX_OBJECT_NAME) {
      cx.error(p.name!, messages.nameTooLong("config field", name.length, MAX_OBJECT_NAME));
      ok = false;
      continue;
    }
    const field = configField(cx, p.initializer);
    if (!field) {
      cx.error(p.initializer, messages.configDeclaration(`'${name}' needs a typed constant such as u16(22), i32(-1) or true, so its size is known`));
      ok = false;
      continue;
    }
    info.fields.push({ name, ...field });
  }
  return ok ? info : undefined;
}

function configField(cx: CheckContext, init: ts.Expression): { type: TType & { kind: "int" | "bool" }; value: bigint } | undefined {
  const e = unparen(init);
  if (e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword) {
    checkExpr(cx, e);
    return { type: { kind: "bool" }, value: e.kind === ts.SyntaxKind.TrueKeyword ? 1n : 0n };
  }
  const t = checkExpr(cx, init);
  const value = t?.kind === "int" ? constantOf(cx, init) : undefined;
  return t?.kind === "int" && value !== undefined ? { type: t, value } : undefined;
}
