// FixedArray<T, N>: inline arrays whose every index the compiler proves below N.
import { ts } from "ts-morph";
import { messages } from "../diagnostics/catalogue.js";
import { INTS } from "../types/int-types.js";
import { typeName, type TType } from "../types/types.js";
import { constantOf } from "./constants.js";
import type { CheckContext } from "./context.js";
import { checkAssignable, checkExpr } from "./expressions.js";
import { unparen } from "./syntax.js";

export const MAX_ARRAY_LENGTH = 4096;

/** `FixedArray<T, N>` in an annotation. */
export function arrayType(cx: CheckContext, node: ts.TypeReferenceNode, element: (n: ts.TypeNode) => TType | undefined): TType | undefined {
  const [elementNode, lengthNode] = node.typeArguments ?? [];
  const length = lengthNode && ts.isLiteralTypeNode(lengthNode) && ts.isNumericLiteral(lengthNode.literal) ? Number(lengthNode.literal.text) : NaN;
  if (!elementNode || !Number.isInteger(length) || length < 1 || length > MAX_ARRAY_LENGTH) {
    cx.error(node, messages.arrayShape(`write FixedArray<T, N> with a literal N from 1 to ${MAX_ARRAY_LENGTH}`));
    return undefined;
  }
  const t = element(elementNode);
  if (!t) return undefined;
  if (t.kind !== "int" && t.kind !== "bool" && t.kind !== "enum" && t.kind !== "struct") {
    cx.error(elementNode, messages.arrayShape(`elements are integers, bools, enums or structs, not ${typeName(t)}`));
    return undefined;
  }
  return { kind: "array", element: t, length };
}

/** `a[i]`: i is unsigned and provably below the length. */
export function checkElementAccess(cx: CheckContext, node: ts.ElementAccessExpression): TType | undefined {
  const a = checkExpr(cx, node.expression);
  const i = checkExpr(cx, node.argumentExpression);
  if (!a || !i) return undefined;
  if (a.kind !== "array") {
    cx.error(node, messages.arrays());
    return undefined;
  }
  if ((i.kind === "int" && INTS[i.name].signed) || (i.kind !== "int" && i.kind !== "const")) {
    cx.error(node.argumentExpression, messages.arrayIndex(a.length, "the index must be an unsigned integer"));
    return undefined;
  }
  const bound = indexBound(cx, node.argumentExpression);
  if (bound === undefined || bound >= BigInt(a.length) || (i.kind === "const" && i.value < 0n)) {
    cx.error(node.argumentExpression, messages.arrayIndex(a.length, `write a constant below ${a.length}, iterate with range(0, ${a.length}), or use i % ${a.length}`));
    return undefined;
  }
  return a.element;
}

/**
 * The largest value an index expression can take, when the compiler can tell: a constant, a loop counter's range,
 * `x % N` (N > 0: below N), `x & M` (at most M, `x & 0` included), and in any case its type's largest value (a u8 is below 256).
 */
function indexBound(cx: CheckContext, e: ts.Expression): bigint | undefined {
  e = unparen(e);
  const c = constantOf(cx, e);
  if (c !== undefined) return c;
  const t = cx.types.get(e);
  const typeMax = t?.kind === "int" ? INTS[t.name].max : undefined;
  const atMost = (b: bigint | undefined) => (b === undefined ? typeMax : typeMax === undefined || b < typeMax ? b : typeMax);
  if (ts.isIdentifier(e)) {
    const decl = cx.declarationOf(e);
    const range = decl && cx.counterRanges.get(decl);
    return atMost(range?.[1]);
  }
  if (ts.isBinaryExpression(e)) {
    const right = constantOf(cx, e.right);
    if (e.operatorToken.kind === ts.SyntaxKind.PercentToken && right !== undefined && right > 0n) return atMost(right - 1n);
    if (e.operatorToken.kind === ts.SyntaxKind.AmpersandToken && right !== undefined && right >= 0n) return atMost(right);
  }
  return atMost(undefined);
}

/** `[1, 2, 3]` initialising a FixedArray: at most N elements, the rest are zero. */
export function checkArrayLiteral(cx: CheckContext, literal: ts.ArrayLiteralExpression, expected: TType & { kind: "array" }, outer: ts.Expression): TType | undefined {
  if (literal.elements.length > expected.length) {
    cx.error(literal, messages.arrayShape(`${literal.elements.length} elements do not fit in ${expected.length}`));
    return undefined;
  }
  let ok = true;
  for (const el of literal.elements) if (ts.isSpreadElement(el) || !checkAssignable(cx, el, expected.element)) ok = false;
  if (!ok) return undefined;
  cx.record(literal, expected);
  return cx.record(outer, expected);
}
