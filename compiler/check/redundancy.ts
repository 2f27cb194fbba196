// The user's own redundancy, which clang would otherwise warn about in the generated C: comparisons whose result is known, values assigned to themselves. Warnings: the build goes on.
import { ts } from "ts-morph";
import { messages } from "../diagnostics/catalogue.js";
import { INTS } from "../types/int-types.js";
import { constantOf } from "./constants.js";
import type { CheckContext } from "./context.js";
import { unparen } from "./syntax.js";

const K = ts.SyntaxKind;
type Predicate = (v: bigint) => boolean;

const COMPARE: Partial<Record<ts.SyntaxKind, (a: bigint, b: bigint) => boolean>> = {
  [K.EqualsEqualsToken]: (a, b) => a === b, [K.EqualsEqualsEqualsToken]: (a, b) => a === b,
  [K.ExclamationEqualsToken]: (a, b) => a !== b, [K.ExclamationEqualsEqualsToken]: (a, b) => a !== b,
  [K.LessThanToken]: (a, b) => a < b, [K.LessThanEqualsToken]: (a, b) => a <= b,
  [K.GreaterThanToken]: (a, b) => a > b, [K.GreaterThanEqualsToken]: (a, b) => a >= b,
};

/** Two expressions that read the same place and call nothing: `x`, `s.a`, `a[3]`. */
function sameValue(a: ts.Expression, b: ts.Expression): boolean {
  const text = (e: ts.Expression) => unparen(e).getText().replace(/\s+/g, "");
  const calls = (n: ts.Node): boolean => ts.isCallExpression(n) || !!ts.forEachChild(n, (c) => (calls(c) ? true : undefined));
  return text(a) === text(b) && !calls(a);
}

/** `x = x`, `s.a = s.a`. */
export function checkSelfAssignment(cx: CheckContext, e: ts.BinaryExpression): void {
  if (e.operatorToken.kind === K.EqualsToken && sameValue(e.left, e.right)) cx.warn(e, messages.selfAssignment(unparen(e.left).getText()));
}

/** A comparison of integers whose result does not depend on the values: `x == x`, `(x & 3) == 4`. */
export function checkKnownComparison(cx: CheckContext, node: ts.BinaryExpression): void {
  const compare = COMPARE[node.operatorToken.kind];
  if (!compare) return;
  if (sameValue(node.left, node.right)) {
    cx.warn(node, messages.knownComparison(String(compare(0n, 0n)), "both sides are the same value"));
    return;
  }
  const equality = node.operatorToken.kind === K.EqualsEqualsToken || node.operatorToken.kind === K.EqualsEqualsEqualsToken;
  const inequality = node.operatorToken.kind === K.ExclamationEqualsToken || node.operatorToken.kind === K.ExclamationEqualsEqualsToken;
  if (!equality && !inequality) return;
  const [masked, c] = constantOf(cx, node.right) !== undefined ? [unparen(node.left), constantOf(cx, node.right)!] : [unparen(node.right), constantOf(cx, node.left)];
  if (c === undefined || !ts.isBinaryExpression(masked)) return;
  const m = constantOf(cx, masked.right) ?? constantOf(cx, masked.left);
  if (m === undefined) return;
  const op = masked.operatorToken.kind;
  const never = (op === K.AmpersandToken && (c & ~m) !== 0n) || (op === K.BarToken && (m & ~c) !== 0n);
  if (never) cx.warn(node, messages.knownComparison(String(inequality), `${masked.getText()} never equals ${c}`));
}

/** `switch (u32(0))`: the value is a constant, so one case (or none) ever runs. */
export function checkKnownSwitch(cx: CheckContext, value: ts.Expression): void {
  const c = constantOf(cx, value);
  if (c !== undefined) cx.warn(value, messages.knownComparison(`on ${c}`, "its value is a constant, so only the case it matches (if any) runs", "switch"));
}

/** `x | 3` tested for truth is never false. */
export function checkKnownCondition(cx: CheckContext, node: ts.Expression): void {
  const e = unparen(node);
  if (!ts.isBinaryExpression(e) || e.operatorToken.kind !== K.BarToken) return;
  const m = constantOf(cx, e.right) ?? constantOf(cx, e.left);
  if (m !== undefined && m !== 0n) cx.warn(e, messages.knownComparison("true", `${e.getText()} is never 0`, "condition"));
}

/** `x < 5 && x > 10` (never), `x >= 5 || x < 10` (always): two comparisons of one value with constants, joined. */
export function checkOverlap(cx: CheckContext, node: ts.BinaryExpression): void {
  const and = node.operatorToken.kind === K.AmpersandAmpersandToken;
  const l = comparisonWithConstant(cx, node.left);
  const r = comparisonWithConstant(cx, node.right);
  if (!l || !r || !sameValue(l.value, r.value)) return;
  const type = cx.types.get(l.value);
  if (type?.kind !== "int") return;
  const { min, max } = INTS[type.name];
  // each predicate changes only at its constant, so these points decide every value of the type
  const points = [min, max, ...[l.constant, r.constant].flatMap((c) => [c - 1n, c, c + 1n])].filter((v) => v >= min && v <= max);
  const results = points.map((v) => (and ? l.holds(v) && r.holds(v) : l.holds(v) || r.holds(v)));
  if (results.every((x) => x === !and)) cx.warn(node, messages.knownComparison(String(!and), and ? "no value satisfies both comparisons" : "every value satisfies one of the comparisons"));
}

function comparisonWithConstant(cx: CheckContext, e: ts.Expression): { value: ts.Expression; constant: bigint; holds: Predicate } | undefined {
  const c = unparen(e);
  if (!ts.isBinaryExpression(c)) return undefined;
  const compare = COMPARE[c.operatorToken.kind];
  if (!compare) return undefined;
  const right = constantOf(cx, c.right);
  const left = constantOf(cx, c.left);
  if (right !== undefined && left === undefined) return { value: c.left, constant: right, holds: (v) => compare(v, right) };
  if (left !== undefined && right === undefined) return { value: c.right, constant: left, holds: (v) => compare(left, v) };
  return undefined;
}
