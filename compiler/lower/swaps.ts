// Two header fields exchanged through a temporary (`const t = h.a; h.a = h.b; h.b = t;`) become one byte swap with no checksum work.
import { ts } from "ts-morph";
import { call, type CStmt } from "../c/ast.js";
import { unparen } from "../check/syntax.js";
import { protocolByTsName } from "../protocols/index.js";
import { swapKeepsChecksums, swapperName } from "../protocols/emit-setters.js";
import type { LowerContext } from "./context.js";
import { lowerAs } from "./expressions.js";

/**
 * The swap statement for `list[i + 1]` and `list[i + 2]` when `list[i]` to `list[i + 2]` exchange two fields of one
 * header through a `const` (which `list[i]` still declares, for any later use), and the exchange keeps every checksum
 * as it is (emit-setters.ts, swapKeepsChecksums): two setters would update each checksum word by word, for nothing
 * (an IPv6 address swap cost about 270 instructions).
 */
export function fieldSwap(lx: LowerContext, list: readonly ts.Statement[], i: number): CStmt | undefined {
  const [first, second, third] = [list[i], list[i + 1], list[i + 2]];
  if (!first || !second || !third || !ts.isVariableStatement(first) || !(first.declarationList.flags & ts.NodeFlags.Const)) return undefined;
  const [temp] = first.declarationList.declarations;
  if (first.declarationList.declarations.length !== 1 || !temp?.initializer || !ts.isIdentifier(temp.name)) return undefined;
  const read = field(lx, temp.initializer);
  const [toA, fromB] = assignment(second) ?? [];
  const [toB, fromTemp] = assignment(third) ?? [];
  if (!read || !toA || !fromB || !toB || !fromTemp) return undefined;
  const [a, b, c, d] = [field(lx, toA), field(lx, fromB), field(lx, toB), read];
  if (!a || !b || !c || a.header !== d.header || b.header !== d.header || c.header !== d.header) return undefined;
  if (a.name !== d.name || c.name !== b.name || !ts.isIdentifier(fromTemp) || lx.facts.declarationOf(fromTemp) !== temp) return undefined;
  const type = lx.typeOf(toA.expression);
  if (type.kind !== "header") return undefined;
  const p = protocolByTsName(type.proto)!;
  const [fa, fb] = [p.fields.find((f) => f.name === a.name), p.fields.find((f) => f.name === b.name)];
  if (!fa || !fb || !swapKeepsChecksums(p, fa, fb)) return undefined;
  lx.swaps.add(`${p.name}.${fa.name}.${fb.name}`);
  return { k: "expr", expr: call(swapperName(p, fa.name, fb.name), [lowerAs(lx, toA.expression), lx.scope.end()]), at: lx.at(second) };
}

/** `h.f`: the declaration of the header variable h, and the field's name. */
function field(lx: LowerContext, e: ts.Expression): { header: ts.Node; name: string } | undefined {
  const n = unparen(e);
  if (!ts.isPropertyAccessExpression(n) || !ts.isIdentifier(n.expression) || lx.facts.types.get(n.expression)?.kind !== "header") return undefined;
  const header = lx.facts.declarationOf(n.expression);
  return header ? { header, name: n.name.text } : undefined;
}

/** The two sides of `x = y;` written as a statement. */
function assignment(s: ts.Statement): [ts.PropertyAccessExpression, ts.Expression] | undefined {
  if (!ts.isExpressionStatement(s)) return undefined;
  const e = unparen(s.expression);
  if (!ts.isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  const left = unparen(e.left);
  return ts.isPropertyAccessExpression(left) ? [left, e.right] : undefined;
}
