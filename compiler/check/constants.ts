// Compile-time values of checked expressions: untyped constants, module constants, conversions and arithmetic on them.
import { ts } from "ts-morph";
import { wrap } from "../types/int-types.js";
import { foldBinary, foldUnary } from "./constant-folding.js";
import type { CheckFacts } from "./facts.js";

/** What constantOf reads: check's context while it checks, its frozen facts afterwards. */
type ConstantFacts = Pick<CheckFacts, "types" | "declarationOf" | "constantValues" | "isAmbient">;

const K = ts.SyntaxKind;

/** The value of an expression the checker has already typed, if it is known at compile time (typed results wrap at their width). */
export function constantOf(cx: ConstantFacts, node: ts.Expression): bigint | undefined {
  if (ts.isParenthesizedExpression(node)) return constantOf(cx, node.expression);
  const t = cx.types.get(node);
  if (t?.kind === "const") return t.other === undefined ? t.value : undefined;
  if (t?.kind !== "int") return undefined;
  const typed = (v: bigint | undefined) => (v === undefined ? undefined : wrap(v, t.name));
  if (ts.isIdentifier(node)) {
    const decl = cx.declarationOf(node);
    return decl ? cx.constantValues.get(decl) : undefined;
  }
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.arguments.length === 1) {
    const decl = cx.declarationOf(node.expression);
    return decl && cx.isAmbient(decl) ? typed(constantOf(cx, node.arguments[0]!)) : undefined;
  }
  if (ts.isPrefixUnaryExpression(node) && (node.operator === K.MinusToken || node.operator === K.TildeToken)) {
    const v = constantOf(cx, node.operand);
    return v === undefined ? undefined : typed(foldUnary(node.operator, v));
  }
  if (ts.isBinaryExpression(node)) {
    const a = constantOf(cx, node.left);
    const b = constantOf(cx, node.right);
    if (a === undefined || b === undefined) return undefined;
    try {
      return typed(foldBinary(node.operatorToken.kind, a, b));
    } catch {
      return undefined;
    }
  }
  return undefined;
}
