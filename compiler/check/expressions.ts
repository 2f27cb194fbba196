// Types every expression of a probe and rejects what the subset does not allow.
import { ts } from "ts-morph";
import { messages } from "../diagnostics/catalogue.js";
import { childrenOf, fieldOf, protocolByTsName } from "../protocols/index.js";
import { assignError, constValues, isIntLike, isTestable, unifyInts } from "../types/assign.js";
import { INTS, isIntName, type IntName } from "../types/int-types.js";
import { BOOL, constant, int, NULL, typeName, type TType } from "../types/types.js";
import { foldBinary, foldUnary } from "./constant-folding.js";
import type { CheckContext } from "./context.js";
import { unsupported } from "./unsupported.js";

const K = ts.SyntaxKind;
type Result = TType | undefined;

export const ARITHMETIC = new Set([K.PlusToken, K.MinusToken, K.AsteriskToken, K.SlashToken, K.PercentToken, K.AmpersandToken, K.BarToken, K.CaretToken]);
export const SHIFTS = new Set([K.LessThanLessThanToken, K.GreaterThanGreaterThanToken]);
export const COMPARISONS = new Set([K.EqualsEqualsToken, K.EqualsEqualsEqualsToken, K.ExclamationEqualsToken, K.ExclamationEqualsEqualsToken, K.LessThanToken, K.LessThanEqualsToken, K.GreaterThanToken, K.GreaterThanEqualsToken]);
export const EQUALITY = new Set([K.EqualsEqualsToken, K.EqualsEqualsEqualsToken, K.ExclamationEqualsToken, K.ExclamationEqualsEqualsToken]);
export const LOGICAL = new Set([K.AmpersandAmpersandToken, K.BarBarToken]);

/** Checks that an expression can be used where `expected` is required. */
export function checkAssignable(cx: CheckContext, node: ts.Expression, expected: TType): Result {
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
  return t;
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
  return binding.type.kind === "error" ? undefined : binding.type;
}

function propertyAccess(cx: CheckContext, node: ts.PropertyAccessExpression): Result {
  const enumType = enumMember(cx, node);
  if (enumType) return enumType;
  if (node.questionDotToken) {
    cx.error(node, messages.optionalChainOnValue());
    return undefined;
  }
  const receiver = checkExpr(cx, node.expression);
  if (!receiver) return undefined;
  const name = node.name.text;
  if (receiver.kind === "header") {
    const proto = protocolByTsName(receiver.proto)!;
    const field = fieldOf(proto, name);
    if (field) return field.type === "bool" ? BOOL : int(field.type);
    cx.error(node, messages.notAValue(`'${receiver.proto}.${name}'`));
    return undefined;
  }
  cx.error(node.name, messages.unknownName(`${typeName(receiver)}.${name}`));
  return undefined;
}

/** `XdpAction.Drop` and other members of the runtime's enums. */
function enumMember(cx: CheckContext, node: ts.PropertyAccessExpression): Result {
  if (!ts.isIdentifier(node.expression)) return undefined;
  const decl = cx.declarationOf(node.expression);
  if (!decl || !ts.isEnumDeclaration(decl) || !cx.isAmbient(decl)) return undefined;
  return { kind: "enum", name: decl.name.text };
}

function callExpression(cx: CheckContext, node: ts.CallExpression): Result {
  if (node.questionDotToken) {
    cx.error(node, messages.optionalChainOnValue());
    return undefined;
  }
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callFunction(cx, node, callee);
  if (ts.isPropertyAccessExpression(callee)) return callAccessor(cx, node, callee);
  cx.error(callee, messages.notCallable(callee.getText()));
  return undefined;
}

function callFunction(cx: CheckContext, node: ts.CallExpression, callee: ts.Identifier): Result {
  const decl = cx.declarationOf(callee);
  if (decl && cx.isAmbient(decl) && isIntName(callee.text)) return conversion(cx, node, callee.text);
  const signature = decl && cx.functions.get(decl);
  if (!decl || !signature) {
    cx.error(callee, messages.notCallable(callee.text));
    return undefined;
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
    const bad = constValues(t).find((v) => v < INTS[target].min || v > INTS[target].max);
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

/** `ctx.eth()`, `eth.ipv4()`, `ip.tcp()`: validating header accessors, null-tolerant so `?.` is free. */
function callAccessor(cx: CheckContext, node: ts.CallExpression, callee: ts.PropertyAccessExpression): Result {
  const receiver = checkExpr(cx, callee.expression);
  if (!receiver) return undefined;
  const name = callee.name.text;
  if (receiver.kind === "context" && name === "eth" && node.arguments.length === 0) {
    cx.usedProtocols.add("eth");
    return cx.record(callee, { kind: "header", proto: "Ethernet", nullable: true });
  }
  if (receiver.kind === "header" && node.arguments.length === 0) {
    const parent = protocolByTsName(receiver.proto)!;
    const child = childrenOf(parent).find((c) => c.child.name === name)?.child;
    if (child) {
      cx.usedProtocols.add(parent.name).add(child.name);
      return cx.record(callee, { kind: "header", proto: child.tsName, nullable: true });
    }
  }
  cx.error(callee.name, messages.notCallable(`${typeName(receiver)}.${name}`));
  return undefined;
}

function prefixUnary(cx: CheckContext, node: ts.PrefixUnaryExpression): Result {
  if (node.operator === K.ExclamationToken) {
    checkCondition(cx, node.operand);
    return BOOL;
  }
  if (node.operator === K.MinusToken || node.operator === K.TildeToken) {
    const t = checkExpr(cx, node.operand);
    if (!t) return undefined;
    if (t.kind === "const") return constant(foldUnary(node.operator, t.value));
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
    return l && r ? BOOL : undefined;
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
  if (l.kind === "const" && r.kind === "const" && l.other === undefined && r.other === undefined) return constant(foldBinary(op, l.value, r.value));
  const type = unified.type.kind === "const" ? int("u32") : unified.type;
  if ((op === K.SlashToken || op === K.PercentToken) && type.kind === "int" && INTS[type.name].signed) {
    cx.error(node, messages.signedDivision());
    return undefined;
  }
  return type;
}

function comparison(cx: CheckContext, node: ts.BinaryExpression, l: TType, r: TType): Result {
  const op = node.operatorToken.kind;
  const opText = node.operatorToken.getText();
  if (EQUALITY.has(op)) {
    if ((l.kind === "null" && r.kind === "header") || (l.kind === "header" && r.kind === "null")) return BOOL;
    if ((l.kind === "bool" && r.kind === "bool") || (l.kind === "enum" && r.kind === "enum" && l.name === r.name)) return BOOL;
  }
  if (isIntLike(l) && isIntLike(r)) {
    const unified = unifyInts(l, r);
    if (!unified.ok) {
      cx.error(node, unified.error);
      return undefined;
    }
    return BOOL;
  }
  cx.error(node, messages.operandType(opText, typeName(isIntLike(l) ? r : l)));
  return undefined;
}

function shift(cx: CheckContext, node: ts.BinaryExpression, l: TType, r: TType): Result {
  const op = node.operatorToken.kind;
  if (l.kind === "const" && r.kind === "const") return constant(foldBinary(op, l.value, r.value));
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
  if (a.kind === "const" && b.kind === "const") return { kind: "const", value: a.value, other: b.value };
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
