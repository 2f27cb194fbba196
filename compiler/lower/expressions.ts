// Lowers typed TypeScript expressions to C, making wrap-around, shifts and division explicit.
import { ts } from "ts-morph";
import { binary, call, cast, cond, id, isConstantInC, member, num, unary, type CExpr } from "../c/ast.js";
import { COMPARISONS, LOGICAL, SHIFTS } from "../check/expressions.js";
import { defaultIntFor, INTS, isIntName, type IntName } from "../types/int-types.js";
import type { TType } from "../types/types.js";
import { unparen } from "../check/syntax.js";
import { intLiteral } from "./c-types.js";
import type { LowerContext } from "./context.js";
import { lowerAccessorCall, lowerFieldRead, NO_HEADER } from "./intrinsics/packet.js";
import { lowerMapCall, lowerRefField } from "./maps.js";
import { lowerHelperCall } from "./helpers.js";
import { helperByName } from "../helpers/table.js";
import { kindByAction } from "../programs/kinds.js";
import { takesPacketEnd } from "./function-scope.js";
import { lowerContextRead } from "./context-fields.js";
import { decidedInLoop, decidedOnce, unknownToVerifier, unlinkedFromCounter } from "./havoc.js";

const K = ts.SyntaxKind;

/** Lowers an expression whose value is used where `expected` is required (so constants get that type). */
export function lowerAs(lx: LowerContext, node: ts.Expression, expected?: TType): CExpr {
  const t = lx.typeOf(node);
  if (t.kind === "const" && t.other === undefined) {
    const hex = ts.isNumericLiteral(node) && /^0[xX]/.test(node.getText()) && t.value >= 0n;
    return intLiteral(t.value, expected?.kind === "int" ? expected.name : undefined, hex);
  }
  if (t.kind === "null") return NO_HEADER;
  if (t.kind === "ref" && expected?.kind === "struct") return unary("*", lowerExpr(lx, node, expected)); // copies the struct out of the map
  const literal = unparen(node);
  if (t.kind === "struct" && ts.isObjectLiteralExpression(literal)) return structLiteral(lx, literal, t);
  if (t.kind === "array" && ts.isArrayLiteralExpression(literal)) return { k: "initList", items: literal.elements.length ? literal.elements.map((el) => lowerAs(lx, el, t.element)) : [num(0)] };
  return lowerExpr(lx, node, expected);
}

/**
 * `a[i]`: a variable index goes through tsbpf_element. The index is hidden from clang and bounded by the array's
 * length with a mask or a comparison the verifier reads (the checker has proven the bound, so neither changes it):
 * clang may compute `x % 6` by multiplication, which leaves the verifier no bound. The element's address is hidden
 * too: knowing its alignment, clang would turn `&a[i] + 3` (a field of a struct element) into `&a[i] | 3`, which the
 * verifier refuses on pointers.
 */
function elementAccess(lx: LowerContext, node: ts.ElementAccessExpression): CExpr {
  const contextField = lowerContextRead(lx, node);
  if (contextField) return contextField;
  const index = lowerAs(lx, node.argumentExpression);
  const constant = lx.typeOf(node.argumentExpression).kind === "const";
  if (constant) return { k: "index", array: lowerAs(lx, node.expression), index };
  const array = lx.typeOf(node.expression);
  if (array.kind !== "array") throw new Error("internal: element access on a non-array");
  return call("tsbpf_element", [lowerAs(lx, node.expression), index, num(array.length), num(2 ** Math.floor(Math.log2(array.length)) - 1)]);
}

/** `{ a: 1, b: x }` → `(struct Pair){ .a = 1, .b = x }`, fields in declaration order. */
function structLiteral(lx: LowerContext, literal: ts.ObjectLiteralExpression, t: TType & { kind: "struct" }): CExpr {
  const info = lx.facts.structs.get(t.name)!;
  const given = new Map(literal.properties.map((p) => [(p.name as ts.Identifier).text, (p as ts.PropertyAssignment).initializer]));
  return { k: "compound", type: `struct ${t.cName}`, fields: info.fields.map((f) => [f.name, lowerAs(lx, given.get(f.name)!, f.type)]) };
}

/** Lowers an expression used as a condition: headers test their presence. */
export function lowerTest(lx: LowerContext, node: ts.Expression): CExpr {
  const e = lowerAs(lx, node);
  const kind = lx.typeOf(node).kind;
  return kind === "header" ? member(e, "ok") : kind === "ref" ? present(e) : e;
}

/**
 * Whether a map value is there, as a hidden 0 or 1: clang would otherwise test two values at once (`(a | b) == 0`, for
 * two lookups that are both tested), which the verifier refuses on pointers.
 */
function present(ref: CExpr): CExpr {
  return call("tsbpf_decided", [ref]);
}

function lowerExpr(lx: LowerContext, node: ts.Expression, expected?: TType): CExpr {
  const substitute = lx.substitutes.get(node);
  if (substitute) return id(substitute);
  if (ts.isParenthesizedExpression(node)) return lowerAs(lx, node.expression, expected);
  if (node.kind === K.TrueKeyword) return num(1);
  if (node.kind === K.FalseKeyword) return num(0);
  if (ts.isIdentifier(node)) {
    const binding = lx.bindingOf(node)!;
    const decl = lx.facts.declarationOf(node);
    // a loop counter is kept in 64 bits (statements.ts counterType) and read through its own type
    if (decl && lx.facts.loopCounters.has(decl) && binding.type.kind === "int") return cast(INTS[binding.type.name].c, id(binding.cName));
    return id(binding.cName);
  }
  if (ts.isPropertyAccessExpression(node)) return propertyAccess(lx, node);
  if (ts.isCallExpression(node)) return callExpression(lx, node);
  if (ts.isPrefixUnaryExpression(node)) {
    const value = prefixUnary(lx, node, expected);
    return node.operator === K.ExclamationToken ? unknownToVerifier(lx, node, value) : value;
  }
  if (ts.isBinaryExpression(node)) {
    const value = binaryExpression(lx, node, expected);
    return LOGICAL.has(node.operatorToken.kind) || COMPARISONS.has(node.operatorToken.kind) ? unknownToVerifier(lx, node, value) : value;
  }
  if (ts.isConditionalExpression(node)) return unknownToVerifier(lx, node, conditional(lx, node, expected), expected);
  if (ts.isElementAccessExpression(node)) return elementAccess(lx, node);
  throw new Error(`internal: cannot lower ${ts.SyntaxKind[node.kind]}`);
}

function propertyAccess(lx: LowerContext, node: ts.PropertyAccessExpression): CExpr {
  const t = lx.typeOf(node);
  if (t.kind === "enum" && t.underlying) return intLiteral(lx.facts.enums.get(t.name)!.values.get(node.name.text)!, t.underlying);
  if (t.kind === "enum" && !kindByAction(t.name)) return num(lx.facts.enumValue(node));
  if (t.kind === "enum") return id(enumConstant(t.name, node.name.text));
  const receiver = lx.typeOf(node.expression);
  if (receiver.kind === "ref") return lowerRefField(lx, node, receiver);
  const contextField = lowerContextRead(lx, node);
  if (contextField) return contextField;
  if (receiver.kind === "struct" || receiver.kind === "config") return member(lowerAs(lx, node.expression), node.name.text);
  return lowerFieldRead(lx, node, lowerAs(lx, node.expression));
}

/** `XdpAction.Drop` → `XDP_DROP`, `TcAction.Shot` → `TC_ACT_SHOT`. */
export function enumConstant(enumName: string, member: string): string {
  const c = kindByAction(enumName)?.actions[member]?.c;
  if (!c) throw new Error(`internal: no C constant for ${enumName}.${member}`);
  return c;
}

/**
 * `h?.a().b()`: the header before `?.` is tested once, and the rest of the chain runs only when it is there (accessors
 * never test their receiver: a header the types say is there must not be "absent" on any path the verifier explores).
 * The link nearest the chain's end is handled first; the receiver's own chain is lowered with the receiver.
 */
function optionalChain(lx: LowerContext, node: ts.CallExpression): CExpr | undefined {
  let link: ts.Expression = node;
  while (ts.isCallExpression(link) && ts.isPropertyAccessExpression(link.expression)) {
    const access = link.expression;
    if (lx.substitutes.has(access.expression)) return undefined; // the chain below was tested already
    if (access.questionDotToken) {
      const receiver = access.expression;
      const temp = lx.temporary("opt");
      const value = lowerAs(lx, receiver);
      lx.substitutes.set(receiver, temp);
      const rest = lowerAs(lx, node);
      lx.substitutes.delete(receiver);
      return call("tsbpf_optional", [id(temp), value, rest]);
    }
    if (!ts.isOptionalChain(access.expression)) return undefined;
    link = access.expression;
  }
  return undefined;
}

function callExpression(lx: LowerContext, node: ts.CallExpression): CExpr {
  if (ts.isOptionalChain(node)) {
    const chained = optionalChain(lx, node);
    if (chained) return chained;
  }
  const callee = node.expression;
  if (ts.isPropertyAccessExpression(callee)) {
    const receiver = lx.typeOf(callee.expression);
    if (receiver.kind === "map") return lowerMapCall(lx, node, callee, lx.facts.maps.get(receiver.name)!);
    return lowerAccessorCall(lx, node, callee, lowerAs(lx, callee.expression));
  }
  const name = (callee as ts.Identifier).text;
  const decl = lx.facts.declarationOf(callee)!;
  const helper = lx.facts.isAmbient(decl) ? helperByName(name) : undefined;
  if (helper) return lowerHelperCall(lx, node, helper);
  if (isIntName(name) && lx.facts.isAmbient(decl)) {
    const arg = node.arguments[0]!;
    const argType = lx.typeOf(arg);
    if (argType.kind === "const") return lowerAs(lx, arg, { kind: "int", name });
    return cast(INTS[name].c, lowerAs(lx, arg));
  }
  const signature = lx.facts.functions.get(decl)!;
  const args = node.arguments.map((a, i) => lowerAs(lx, a, signature.params[i]));
  return call(lx.functionName(decl), takesPacketEnd(signature.params) ? [...args, lx.scope.end()] : args);
}

function intOf(t: TType): IntName {
  if (t.kind !== "int") throw new Error(`internal: expected an integer type, got ${t.kind}`);
  return t.name;
}

/** Wraps a result computed in C's promoted width back into a narrow type. */
function narrow(type: IntName, e: CExpr): CExpr {
  return INTS[type].bits < 32 ? cast(INTS[type].c, e) : e;
}

/** The unsigned type of the same width, where signed wrap-around is computed without C undefined behaviour. */
function unsignedOf(type: IntName): string {
  return `__u${Math.max(32, INTS[type].bits)}`;
}

function prefixUnary(lx: LowerContext, node: ts.PrefixUnaryExpression, expected?: TType): CExpr {
  if (node.operator === K.ExclamationToken) return unary("!", lowerTest(lx, node.operand));
  const type = operationType(lx.typeOf(node), expected);
  const operand = lowerAs(lx, node.operand, { kind: "int", name: type });
  const op = node.operator === K.MinusToken ? "-" : "~";
  const info = INTS[type];
  if (op === "-" && info.signed && info.bits >= 32) return cast(info.c, binary("-", num(0, "U"), cast(unsignedOf(type), operand)));
  return narrow(type, unary(op, operand));
}

/** The integer type an expression computes in: its own, or for a constant range (`(c ? 1 : 2) + 3`) the one its context gives. */
function operationType(t: TType, expected?: TType): IntName {
  if (t.kind !== "const") return intOf(t);
  if (expected?.kind === "int") return expected.name;
  return defaultIntFor(t.value, t.other ?? t.value) ?? "u64";
}

function binaryExpression(lx: LowerContext, node: ts.BinaryExpression, expected?: TType): CExpr {
  const op = node.operatorToken.kind;
  if (LOGICAL.has(op)) return binary(op === K.AmpersandAmpersandToken ? "&&" : "||", lowerTest(lx, node.left), lowerTest(lx, node.right));
  if (COMPARISONS.has(op)) return comparison(lx, node);
  const type = operationType(lx.typeOf(node), expected);
  const rightExpected: TType = SHIFTS.has(op) ? lx.typeOf(node.right) : { kind: "int", name: type };
  const left = lowerAs(lx, node.left, { kind: "int", name: type });
  const right = lowerAs(lx, node.right, rightExpected.kind === "const" ? undefined : rightExpected);
  return arithmetic(op, type, left, right, lx.typeOf(node.right));
}

/** Exported for compound assignment, which lowers `x op= y` as `x = x op y`. */
export function arithmetic(op: ts.SyntaxKind, type: IntName, left: CExpr, right: CExpr, rightType: TType): CExpr {
  const info = INTS[type];
  const text = ts.tokenToString(op)!;
  if (op === K.SlashToken || op === K.PercentToken) {
    if (rightType.kind === "const" && rightType.value !== 0n) return narrow(type, binary(text, left, right));
    const helper = `${op === K.SlashToken ? "div" : "mod"}${info.bits === 64 ? 64 : 32}`;
    return narrow(type, call(`tsbpf_${helper}`, [left, right]));
  }
  if (SHIFTS.has(op)) {
    const count = rightType.kind === "const" ? num(rightType.value) : binary("&", right, num(info.bits - 1));
    if (op === K.LessThanLessThanToken && info.signed) return cast(info.c, binary("<<", cast(unsignedOf(type), left), count));
    return op === K.GreaterThanGreaterThanToken ? binary(">>", left, count) : narrow(type, binary("<<", left, count));
  }
  const wraps = op === K.PlusToken || op === K.MinusToken || op === K.AsteriskToken;
  if (!wraps) return binary(text, left, right); // & | ^ of values that fit the type cannot leave it
  if (wraps && info.signed && info.bits >= 32) {
    return cast(info.c, binary(text, cast(unsignedOf(type), left), cast(unsignedOf(type), right)));
  }
  // u16 * u16 would overflow C's int after promotion (undefined behaviour): multiply in 32 unsigned bits
  if (op === K.AsteriskToken && !info.signed && info.bits === 16) return narrow(type, binary("*", cast("__u32", left), right));
  return narrow(type, binary(text, left, right));
}

function comparison(lx: LowerContext, node: ts.BinaryExpression): CExpr {
  const l = lx.typeOf(node.left);
  const r = lx.typeOf(node.right);
  const op = node.operatorToken.kind;
  const negated = op === K.ExclamationEqualsToken || op === K.ExclamationEqualsEqualsToken;
  if (l.kind === "null" || r.kind === "null") {
    const other = l.kind === "null" ? node.right : node.left;
    const header = lx.typeOf(other).kind === "ref" ? present(lowerAs(lx, other)) : member(lowerAs(lx, other), "ok");
    return negated ? binary("!=", header, num(0)) : unary("!", header);
  }
  const text = negated ? "!=" : op === K.EqualsEqualsToken || op === K.EqualsEqualsEqualsToken ? "==" : ts.tokenToString(op)!;
  const common = l.kind === "int" ? l : r.kind === "int" ? r : undefined;
  const [left, right] = unlinkedFromCounter(lx, node, lowerAs(lx, node.left, common), lowerAs(lx, node.right, common));
  return decidedInLoop(lx, node, binary(text, left, right), left, right);
}

function conditional(lx: LowerContext, node: ts.ConditionalExpression, expected?: TType): CExpr {
  const t = lx.typeOf(node);
  const target: TType | undefined = t.kind === "const" ? { kind: "int", name: operationType(t, expected) } : t;
  return cond(decidedOnce(lx, node, lowerTest(lx, node.condition)), arm(lowerAs(lx, node.whenTrue, target), t), arm(lowerAs(lx, node.whenFalse, target), t));
}

/**
 * A scalar arm of `?:`, computed where it is chosen: clang would otherwise turn `c ? h.dport : h.sport` into one read
 * at a chosen offset (`h.pos + (c & 2)`), an address the verifier cannot bound from the header's checks.
 */
function arm(value: CExpr, t: TType): CExpr {
  if (isConstantInC(value) || !["int", "bool", "enum", "const"].includes(t.kind)) return value;
  return call("tsbpf_kept", [value]);
}

