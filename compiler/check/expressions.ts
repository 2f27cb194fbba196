// Types every expression of a probe and rejects what the subset does not allow.
import { ts } from "ts-morph";
import { messages } from "../diagnostics/catalogue.js";
import { assignError, constRange, isIntLike, isTestable, unifyInts } from "../types/assign.js";
import { fits, INTS, isIntName, MAX_CONSTANT_BITS, type IntName } from "../types/int-types.js";
import { BOOL, constant, int, NULL, typeName, type TType } from "../types/types.js";
import { foldBinary, foldUnary } from "./constant-folding.js";
import type { CheckContext } from "./context.js";
import { unparen } from "./syntax.js";
import { checkTrace } from "./trace.js";
import { checkArrayLiteral, checkElementAccess } from "./arrays.js";
import { unsupported } from "./unsupported.js";
import { checkNotStale } from "./adjustments.js";
import { callAccessor, propertyAccess } from "./members.js";
import { checkHelperCall } from "./helpers.js";
import { helperByName } from "../helpers/table.js";
import { checkKnownComparison, checkKnownCondition, checkOverlap } from "./redundancy.js";

const K = ts.SyntaxKind;
type Result = TType | undefined;

export const ARITHMETIC = new Set([K.PlusToken, K.MinusToken, K.AsteriskToken, K.SlashToken, K.PercentToken, K.AmpersandToken, K.BarToken, K.CaretToken]);
export const SHIFTS = new Set([K.LessThanLessThanToken, K.GreaterThanGreaterThanToken]);
export const COMPARISONS = new Set([K.EqualsEqualsToken, K.EqualsEqualsEqualsToken, K.ExclamationEqualsToken, K.ExclamationEqualsEqualsToken, K.LessThanToken, K.LessThanEqualsToken, K.GreaterThanToken, K.GreaterThanEqualsToken]);
export const EQUALITY = new Set([K.EqualsEqualsToken, K.EqualsEqualsEqualsToken, K.ExclamationEqualsToken, K.ExclamationEqualsEqualsToken]);
export const LOGICAL = new Set([K.AmpersandAmpersandToken, K.BarBarToken]);

/** `{ a: 1, b: x }` where a struct is expected: every field given once, each assignable to its field's type. */
function checkStructLiteral(cx: CheckContext, literal: ts.ObjectLiteralExpression, expected: TType & { kind: "struct" }, outer: ts.Expression): Result {
  const info = cx.structs.get(expected.name);
  if (!info) return undefined;
  const seen = new Set<string>();
  let ok = true;
  for (const p of literal.properties) {
    const name = p.name && ts.isIdentifier(p.name) ? p.name.text : undefined;
    const field = name ? info.fields.find((f) => f.name === name) : undefined;
    if (!ts.isPropertyAssignment(p) || !field || seen.has(name!)) {
      cx.error(p, messages.structLiteral(`for ${info.name} gives each field once as \`name: value\``));
      ok = false;
      continue;
    }
    seen.add(name!);
    if (!checkAssignable(cx, p.initializer, field.type)) ok = false;
  }
  const missing = info.fields.filter((f) => !seen.has(f.name)).map((f) => f.name);
  if (ok && missing.length) {
    cx.error(literal, messages.structLiteral(`for ${info.name} lacks ${missing.join(", ")}`));
    ok = false;
  }
  if (!ok) return undefined;
  cx.record(literal, expected);
  return cx.record(outer, expected);
}

/** Checks that an expression can be used where `expected` is required. */
export function checkAssignable(cx: CheckContext, node: ts.Expression, expected: TType): Result {
  const literal = unparen(node);
  if (expected.kind === "struct" && ts.isObjectLiteralExpression(literal)) return checkStructLiteral(cx, literal, expected, node);
  if (expected.kind === "array" && ts.isArrayLiteralExpression(literal)) return checkArrayLiteral(cx, literal, expected, node);
  if (expected.kind === "array") {
    checkExpr(cx, node);
    cx.error(node, messages.arrayValue());
    return undefined;
  }
  const actual = checkExpr(cx, node);
  if (!actual) return undefined;
  const error = assignError(actual, expected);
  if (error) {
    cx.error(node, error);
    return undefined;
  }
  return actual;
}

export function checkCondition(cx: CheckContext, node: ts.Expression): Result {
  const t = checkExpr(cx, node);
  if (t && !isTestable(t)) cx.error(node, messages.typeMismatch(typeName(t), "condition"));
  else if (t) checkKnownCondition(cx, node);
  return t;
}

function constBetween(cx: CheckContext, node: ts.Node, lo: bigint, hi: bigint): Result {
  const big = (v: bigint) => (v < 0n ? -v : v).toString(2).length > MAX_CONSTANT_BITS;
  if (big(lo) || big(hi)) {
    cx.error(node, messages.constantTooLarge());
    return undefined;
  }
  return lo === hi ? constant(lo) : { kind: "const", value: lo, other: hi };
}

/** True when a value is used only for its truth: an if/while/for test, a ?: test, the operand of `!`, or part of such a test. */
function usedAsCondition(node: ts.Node): boolean {
  let n: ts.Node = node;
  let p = n.parent;
  while (p && ts.isParenthesizedExpression(p)) {
    n = p;
    p = p.parent;
  }
  if (!p) return false;
  if (ts.isIfStatement(p) || ts.isWhileStatement(p) || ts.isDoStatement(p)) return p.expression === n;
  if (ts.isForStatement(p)) return p.condition === n;
  if (ts.isConditionalExpression(p)) return p.condition === n;
  if (ts.isPrefixUnaryExpression(p)) return p.operator === K.ExclamationToken;
  if (ts.isBinaryExpression(p) && LOGICAL.has(p.operatorToken.kind)) return usedAsCondition(p);
  return false;
}

export function checkExpr(cx: CheckContext, node: ts.Expression): Result {
  const t = typeExpr(cx, node);
  if (t) cx.record(node, t);
  return t;
}

function typeExpr(cx: CheckContext, node: ts.Expression): Result {
  if (ts.isParenthesizedExpression(node)) return checkExpr(cx, node.expression);
  if (ts.isNumericLiteral(node)) return numericLiteral(cx, node);
  if (node.kind === K.TrueKeyword || node.kind === K.FalseKeyword) return BOOL;
  if (node.kind === K.NullKeyword) return NULL;
  if (ts.isIdentifier(node)) return identifier(cx, node);
  if (ts.isPropertyAccessExpression(node)) return propertyAccess(cx, node);
  if (ts.isCallExpression(node)) return callExpression(cx, node);
  if (ts.isPrefixUnaryExpression(node)) return prefixUnary(cx, node);
  if (ts.isBinaryExpression(node)) return binary(cx, node);
  if (ts.isConditionalExpression(node)) return conditional(cx, node);
  if (ts.isElementAccessExpression(node)) return checkElementAccess(cx, node);
  cx.error(node, unsupported(node));
  return undefined;
}

function numericLiteral(cx: CheckContext, node: ts.NumericLiteral): Result {
  const text = node.getText().replace(/_/g, "");
  if (!/^0[xXoObB]/.test(text) && /[.eE]/.test(text)) {
    cx.error(node, messages.floatLiteral());
    return undefined;
  }
  return constant(BigInt(text.replace(/^0(?=[0-7]+$)/, "0o")));
}

function identifier(cx: CheckContext, node: ts.Identifier): Result {
  const decl = cx.declarationOf(node);
  if (node.text === "undefined" && (!decl || cx.isAmbient(decl))) return NULL;
  const binding = decl && cx.bindings.get(decl);
  if (!binding) {
    cx.error(node, decl && ts.isFunctionDeclaration(decl) ? messages.closure() : messages.unknownName(node.text));
    return undefined;
  }
  if (!inCaseScope(cx, node, decl)) return undefined;
  if ((binding.type.kind === "map" || binding.type.kind === "config") && !isReceiver(node)) {
    cx.error(node, messages.mapValueUse(node.text));
    return undefined;
  }
  if (binding.type.kind === "header" && !checkNotStale(cx, node, decl)) return undefined;
  if ((binding.type.kind === "header" || binding.type.kind === "ref") && binding.type.nullable) return { ...binding.type, nullable: mayBeNull(cx, node) };
  return binding.type.kind === "error" ? undefined : binding.type;
}

/** True for `x` in `x.name`: how maps (`m.get(k)`) and configs (`cfg.port`) are used. */
function isReceiver(node: ts.Identifier): boolean {
  return ts.isPropertyAccessExpression(node.parent) && node.parent.expression === node && !node.parent.questionDotToken;
}

/** False (with a diagnostic) when a name declared in one case of a switch is used in another. */
export function inCaseScope(cx: CheckContext, use: ts.Identifier, decl: ts.Node): boolean {
  const clause = enclosingCase(decl);
  if (!clause || isInside(use, clause)) return true;
  cx.error(use, messages.crossCaseVariable(use.text));
  return false;
}

/** The switch clause a declaration sits in, if any (C gives each case its own block). */
function enclosingCase(decl: ts.Node): ts.CaseOrDefaultClause | undefined {
  for (let n = decl.parent; n && !ts.isFunctionLike(n); n = n.parent) {
    if (ts.isCaseClause(n) || ts.isDefaultClause(n)) return n;
  }
  return undefined;
}

function isInside(node: ts.Node, ancestor: ts.Node): boolean {
  for (let n: ts.Node | undefined = node; n; n = n.parent) if (n === ancestor) return true;
  return false;
}

/** TypeScript's own flow analysis says whether a header variable may be null here (after `if (!h) return`, it may not). */
function mayBeNull(cx: CheckContext, node: ts.Identifier): boolean {
  const t = cx.checker.getTypeAtLocation(node);
  const parts = t.isUnion() ? t.types : [t];
  return parts.some((p) => (p.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)) !== 0);
}

function callExpression(cx: CheckContext, node: ts.CallExpression): Result {
  if (node.questionDotToken) {
    cx.error(node, messages.optionalChainOnValue());
    return undefined;
  }
  const callee = unparen(node.expression);
  if (ts.isIdentifier(callee)) return callFunction(cx, node, callee);
  if (ts.isPropertyAccessExpression(callee)) return callAccessor(cx, node, callee);
  cx.error(callee, messages.notCallable(callee.getText()));
  return undefined;
}

function callFunction(cx: CheckContext, node: ts.CallExpression, callee: ts.Identifier): Result {
  const decl = cx.declarationOf(callee);
  if (decl && cx.isAmbient(decl) && isIntName(callee.text)) return conversion(cx, node, callee.text);
  if (decl && cx.isAmbient(decl) && callee.text === "trace") return checkTrace(cx, node);
  const helper = decl && cx.isAmbient(decl) ? helperByName(callee.text) : undefined;
  if (helper) return checkHelperCall(cx, node, helper);
  const signature = decl && cx.functions.get(decl);
  if (!decl || !signature) {
    if (!decl || !ts.isFunctionDeclaration(decl) || cx.isAmbient(decl)) cx.error(callee, messages.notCallable(callee.text));
    return undefined; // a module function whose declaration has its own diagnostic
  }
  if (cx.currentFunction) cx.calls.get(cx.currentFunction)?.add(decl);
  node.arguments.forEach((arg, i) => {
    const expected = signature.params[i];
    if (expected) checkAssignable(cx, arg, expected);
  });
  return signature.returns;
}

/** `u16(x)`: an explicit conversion; a constant argument must fit. */
function conversion(cx: CheckContext, node: ts.CallExpression, target: IntName): Result {
  const arg = node.arguments[0];
  if (!arg || node.arguments.length !== 1) return undefined;
  const t = checkExpr(cx, arg);
  if (!t) return undefined;
  if (t.kind === "const") {
    const bad = constRange(t).find((v) => !fits(v, target));
    if (bad !== undefined) {
      cx.error(arg, messages.literalRange(String(bad), target));
      return undefined;
    }
  } else if (t.kind !== "int" && t.kind !== "bool" && t.kind !== "enum") {
    cx.error(arg, messages.typeMismatch(typeName(t), target));
    return undefined;
  }
  return int(target);
}

function prefixUnary(cx: CheckContext, node: ts.PrefixUnaryExpression): Result {
  if (node.operator === K.ExclamationToken) {
    checkCondition(cx, node.operand);
    return BOOL;
  }
  if (node.operator === K.MinusToken || node.operator === K.TildeToken) {
    const t = checkExpr(cx, node.operand);
    if (!t) return undefined;
    if (t.kind === "const") {
      const [lo, hi] = constRange(t).map((v) => foldUnary(node.operator as ts.PrefixUnaryOperator, v));
      return constBetween(cx, node, lo! < hi! ? lo! : hi!, lo! < hi! ? hi! : lo!);
    }
    if (t.kind === "int") return t;
    cx.error(node, messages.operandType(ts.tokenToString(node.operator)!, typeName(t)));
    return undefined;
  }
  if (node.operator === K.PlusToken) {
    cx.error(node, messages.unsupportedOperator("unary +", "it does nothing to an integer"));
    return undefined;
  }
  cx.error(node, unsupported(node));
  return undefined;
}

function binary(cx: CheckContext, node: ts.BinaryExpression): Result {
  const op = node.operatorToken.kind;
  const opText = node.operatorToken.getText();
  if (op >= K.FirstAssignment && op <= K.LastAssignment) {
    cx.error(node, messages.assignmentInExpression());
    return undefined;
  }
  if (LOGICAL.has(op)) {
    const l = checkCondition(cx, node.left);
    const r = checkCondition(cx, node.right);
    if (!l || !r) return undefined;
    checkOverlap(cx, node);
    if ((l.kind === "bool" && r.kind === "bool") || usedAsCondition(node)) return BOOL;
    cx.error(node, messages.logicalValue(opText));
    return undefined;
  }
  if (op === K.GreaterThanGreaterThanGreaterThanToken) {
    cx.error(node.operatorToken, messages.unsupportedOperator(">>>", "`>>` on an unsigned type is already a logical shift"));
    return undefined;
  }
  if (!ARITHMETIC.has(op) && !SHIFTS.has(op) && !COMPARISONS.has(op)) {
    cx.error(node.operatorToken, messages.unsupportedOperator(opText));
    return undefined;
  }
  const l = checkExpr(cx, node.left);
  const r = checkExpr(cx, node.right);
  if (!l || !r) return undefined;
  if (COMPARISONS.has(op)) return comparison(cx, node, l, r);
  if (!isIntLike(l) || !isIntLike(r)) {
    cx.error(node, messages.operandType(opText, typeName(isIntLike(l) ? r : l)));
    return undefined;
  }
  if (SHIFTS.has(op)) return shift(cx, node, l, r);
  const unified = unifyInts(l, r);
  if (!unified.ok) {
    cx.error(node, unified.error);
    return undefined;
  }
  if (l.kind === "const" && r.kind === "const") return constantArithmetic(cx, node, l, r);
  const type = unified.type;
  if ((op === K.SlashToken || op === K.PercentToken) && type.kind === "int" && INTS[type.name].signed) {
    cx.error(node, messages.signedDivision());
    return undefined;
  }
  return type;
}

/** True when TypeScript types a header expression as possibly null and possibly undefined, which tsbpf represents alike. */
function ambiguousAbsence(cx: CheckContext, header: ts.Expression): boolean {
  const t = cx.checker.getTypeAtLocation(header);
  const parts = t.isUnion() ? t.types : [t];
  return parts.some((p) => p.flags & ts.TypeFlags.Null) && parts.some((p) => p.flags & ts.TypeFlags.Undefined);
}

/** Arithmetic on untyped constants is exact; on a range (`c ? a : b`) only + - * are, by interval arithmetic. */
function constantArithmetic(cx: CheckContext, node: ts.BinaryExpression, l: TType & { kind: "const" }, r: TType & { kind: "const" }): Result {
  const op = node.operatorToken.kind;
  if (l.other === undefined && r.other === undefined) {
    if ((op === K.SlashToken || op === K.PercentToken) && (l.value < 0n || r.value < 0n)) {
      cx.error(node, messages.signedDivision());
      return undefined;
    }
    const v = foldBinary(op, l.value, r.value);
    return constBetween(cx, node, v, v);
  }
  if (op !== K.PlusToken && op !== K.MinusToken && op !== K.AsteriskToken) {
    cx.error(node, messages.untypedConditional(node.operatorToken.getText()));
    return undefined;
  }
  const corners = constRange(l).flatMap((a) => constRange(r).map((b) => foldBinary(op, a, b)));
  const lo = corners.reduce((x, y) => (y < x ? y : x));
  const hi = corners.reduce((x, y) => (y > x ? y : x));
  return constBetween(cx, node, lo, hi);
}

function comparison(cx: CheckContext, node: ts.BinaryExpression, l: TType, r: TType): Result {
  const op = node.operatorToken.kind;
  const opText = node.operatorToken.getText();
  if (l.kind === "null" || r.kind === "null") {
    const other = l.kind === "null" ? r : l;
    if ((other.kind !== "header" && other.kind !== "ref") || !EQUALITY.has(op)) {
      cx.error(node, other.kind === "null" ? messages.operandType(opText, "null") : messages.notNullable(typeName(other)));
      return undefined;
    }
    if ((op === K.EqualsEqualsEqualsToken || op === K.ExclamationEqualsEqualsToken) && ambiguousAbsence(cx, l.kind === "null" ? node.right : node.left)) {
      cx.error(node, messages.strictNullCheck());
      return undefined;
    }
    return BOOL;
  }
  if (EQUALITY.has(op)) {
    if ((l.kind === "bool" && r.kind === "bool") || (l.kind === "enum" && r.kind === "enum" && l.name === r.name)) {
      checkKnownComparison(cx, node);
      return BOOL;
    }
  }
  if (isIntLike(l) && isIntLike(r)) {
    const unified = unifyInts(l, r);
    if (!unified.ok) {
      cx.error(node, unified.error);
      return undefined;
    }
    checkKnownComparison(cx, node);
    return BOOL;
  }
  cx.error(node, messages.operandType(opText, typeName(isIntLike(l) ? r : l)));
  return undefined;
}

function shift(cx: CheckContext, node: ts.BinaryExpression, l: TType, r: TType): Result {
  const op = node.operatorToken.kind;
  if (r.kind === "const" && (r.other !== undefined || r.value < 0n || r.value > BigInt(MAX_CONSTANT_BITS))) {
    cx.error(node.right, messages.shiftRange(String(r.value), l.kind === "int" ? l.name : "a constant"));
    return undefined;
  }
  if (l.kind === "const" && r.kind === "const") {
    if (l.other !== undefined) {
      cx.error(node, messages.untypedConditional(node.operatorToken.getText()));
      return undefined;
    }
    const v = foldBinary(op, l.value, r.value);
    return constBetween(cx, node, v, v);
  }
  if (l.kind === "const") {
    cx.error(node, messages.untypedShift());
    return undefined;
  }
  if (l.kind !== "int") return undefined;
  const bits = INTS[l.name].bits;
  if (r.kind === "const" && (r.value < 0n || r.value >= BigInt(bits))) {
    cx.error(node.right, messages.shiftRange(String(r.value), l.name));
    return undefined;
  }
  if (r.kind === "int" && INTS[r.name].signed) {
    cx.error(node.right, messages.typeMismatch(r.name, "unsigned shift count"));
    return undefined;
  }
  return l;
}

function conditional(cx: CheckContext, node: ts.ConditionalExpression): Result {
  checkCondition(cx, node.condition);
  const a = checkExpr(cx, node.whenTrue);
  const b = checkExpr(cx, node.whenFalse);
  if (!a || !b) return undefined;
  if (a.kind === "const" && b.kind === "const") {
    const values = [...constRange(a), ...constRange(b)];
    return constBetween(cx, node, values.reduce((x, y) => (y < x ? y : x)), values.reduce((x, y) => (y > x ? y : x)));
  }
  if (isIntLike(a) && isIntLike(b)) {
    const unified = unifyInts(a, b);
    if (unified.ok) return unified.type;
    cx.error(node, unified.error);
    return undefined;
  }
  if ((a.kind === "header" || a.kind === "null") && (b.kind === "header" || b.kind === "null") && !(a.kind === "null" && b.kind === "null")) {
    const h = (a.kind === "header" ? a : b) as TType & { kind: "header" };
    const other = a.kind === "header" ? b : a;
    if (other.kind === "header" && other.proto !== h.proto) {
      cx.error(node, messages.typeMismatch(typeName(other), typeName(h)));
      return undefined;
    }
    return { ...h, nullable: a.kind === "null" || b.kind === "null" || (a as { nullable?: boolean }).nullable || (b as { nullable?: boolean }).nullable || false };
  }
  const error = assignError(b, a);
  if (error) {
    cx.error(node, error);
    return undefined;
  }
  return a;
}
