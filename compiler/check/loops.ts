// Loops with a bound the compiler proves: counted `for`, `for...of range(a, b)`, and `while (i < N)` counting up.
import { ts } from "ts-morph";
import { messages } from "../diagnostics/catalogue.js";
import { defaultIntFor, INTS, type IntName } from "../types/int-types.js";
import { int, type TType } from "../types/types.js";
import { constantOf } from "./constants.js";
import type { CheckContext } from "./context.js";
import { checkAssignable, checkExpr } from "./expressions.js";
import { typeFromNode } from "./type-nodes.js";

const K = ts.SyntaxKind;
export const LOOP_LIMIT = 1024n;

/** The bounds of a `for (const i of range(start, end))` loop, for lowering. */
export interface RangeLoop {
  start: bigint;
  end: bigint;
  type: IntName;
}

type CheckBody = (s: ts.Statement) => void;
type CheckAssignment = (e: ts.BinaryExpression) => void;

/** The counter's range is proven before the body is checked, so the body may index arrays with it. */
export function checkFor(cx: CheckContext, node: ts.ForStatement, body: CheckBody, assign: CheckAssignment): void {
  const counter = forCounter(cx, node, assign);
  if (!counter) return body(node.statement);
  const trip = countedTrips(cx, node, counter);
  cx.loopCounters.add(counter.decl);
  if (trip) cx.loopTrips.set(node, trip.count);
  if (trip) {
    const last = counter.start + (trip.count > 0n ? trip.count - 1n : 0n) * trip.step;
    cx.counterRanges.set(counter.decl, counter.start <= last ? [counter.start, last] : [last, counter.start]);
  }
  body(node.statement);
}

interface Counter {
  decl: ts.VariableDeclaration;
  type: IntName;
  start: bigint;
}

function forCounter(cx: CheckContext, node: ts.ForStatement, assign: CheckAssignment): Counter | undefined {
  const init = node.initializer;
  const decl = init && ts.isVariableDeclarationList(init) && init.declarations.length === 1 && (init.flags & ts.NodeFlags.Let) ? init.declarations[0]! : undefined;
  if (!decl || !ts.isIdentifier(decl.name) || !decl.initializer) {
    cx.error(node, messages.unprovenLoop("the loop must start with `let i = <constant>`"));
    return undefined;
  }
  const annotated = decl.type ? typeFromNode(cx, decl.type) : undefined;
  const t = annotated ? checkAssignable(cx, decl.initializer, annotated) : checkExpr(cx, decl.initializer);
  const start = constantOf(cx, decl.initializer);
  const defaulted = t?.kind === "const" ? defaultIntFor(t.value) : undefined;
  const type: TType | undefined = annotated ?? (defaulted ? int(defaulted) : t);
  if (type?.kind !== "int") return undefined;
  cx.bindings.set(decl, { kind: "local", cName: cx.localName(decl.name.text), type, mutable: true });
  if (start === undefined) {
    cx.error(decl.initializer, messages.unprovenLoop("the counter must start at a constant"));
    return undefined;
  }
  if (node.condition) checkExpr(cx, node.condition);
  if (node.incrementor) checkUpdate(cx, node.incrementor, assign);
  return { decl, type: type.name, start };
}

/** `i++`, `i += 2` and friends in a for-loop's update clause. */
function checkUpdate(cx: CheckContext, e: ts.Expression, assign: CheckAssignment): void {
  if ((ts.isPostfixUnaryExpression(e) || ts.isPrefixUnaryExpression(e)) && ts.isIdentifier(e.operand)) {
    const t = checkExpr(cx, e.operand) ?? { kind: "error" };
    cx.record(e, t);
    return;
  }
  if (ts.isBinaryExpression(e)) {
    assign(e);
    return;
  }
  cx.error(e, messages.unprovenLoop("the update must be `i++`, `i--`, `i += <constant>` or `i -= <constant>`"));
}

function countedTrips(cx: CheckContext, node: ts.ForStatement, c: Counter): { count: bigint; step: bigint } | undefined {
  const step = stepOf(cx, node.incrementor, c.decl);
  const bound = boundOf(cx, node.condition, c.decl);
  if (step === undefined || bound === undefined) {
    cx.error(node, messages.unprovenLoop("write `for (let i = A; i < B; i++)` with constants A and B, or `for (const i of range(A, B))`"));
    return undefined;
  }
  if (assigns(cx, node.statement, c.decl)) {
    cx.error(node, messages.unprovenLoop(`the body must not assign '${c.decl.name.getText()}'`));
    return undefined;
  }
  const count = trips(c.start, step, bound.op, bound.value);
  const info = INTS[c.type];
  const last = count === undefined ? undefined : c.start + count * step;
  if (count === undefined || last === undefined || last > info.max || last < info.min) {
    cx.error(node, messages.unprovenLoop(`the counter would wrap around in ${c.type} before the condition ends the loop`));
    return undefined;
  }
  if (count > LOOP_LIMIT) {
    cx.error(node, messages.loopTooLong(String(count), String(LOOP_LIMIT)));
    return undefined;
  }
  return { count, step };
}

/** The number of iterations of `for (i = start; i OP end; i += step)`, or undefined if it never ends. */
export function trips(start: bigint, step: bigint, op: ts.SyntaxKind, end: bigint): bigint | undefined {
  const ceilDiv = (a: bigint, b: bigint) => (a <= 0n ? 0n : (a + b - 1n) / b);
  if (step > 0n) {
    if (op === K.LessThanToken) return ceilDiv(end - start, step);
    if (op === K.LessThanEqualsToken) return ceilDiv(end + 1n - start, step);
    if (op === K.ExclamationEqualsToken || op === K.ExclamationEqualsEqualsToken) return end >= start && (end - start) % step === 0n ? (end - start) / step : undefined;
  } else if (step < 0n) {
    if (op === K.GreaterThanToken) return ceilDiv(start - end, -step);
    if (op === K.GreaterThanEqualsToken) return ceilDiv(start + 1n - end, -step);
    if (op === K.ExclamationEqualsToken || op === K.ExclamationEqualsEqualsToken) return start >= end && (start - end) % -step === 0n ? (start - end) / -step : undefined;
  }
  return undefined;
}

function refersTo(cx: CheckContext, e: ts.Node, decl: ts.Node): boolean {
  return ts.isIdentifier(e) && cx.declarationOf(e) === decl;
}

const FLIP: Partial<Record<ts.SyntaxKind, ts.SyntaxKind>> = {
  [K.LessThanToken]: K.GreaterThanToken, [K.GreaterThanToken]: K.LessThanToken,
  [K.LessThanEqualsToken]: K.GreaterThanEqualsToken, [K.GreaterThanEqualsToken]: K.LessThanEqualsToken,
  [K.ExclamationEqualsToken]: K.ExclamationEqualsToken, [K.ExclamationEqualsEqualsToken]: K.ExclamationEqualsEqualsToken,
};

function boundOf(cx: CheckContext, cond: ts.Expression | undefined, decl: ts.Node): { op: ts.SyntaxKind; value: bigint } | undefined {
  while (cond && ts.isParenthesizedExpression(cond)) cond = cond.expression;
  if (!cond || !ts.isBinaryExpression(cond) || !(cond.operatorToken.kind in FLIP)) return undefined;
  if (refersTo(cx, cond.left, decl)) {
    const v = constantOf(cx, cond.right);
    return v === undefined ? undefined : { op: cond.operatorToken.kind, value: v };
  }
  if (refersTo(cx, cond.right, decl)) {
    const v = constantOf(cx, cond.left);
    return v === undefined ? undefined : { op: FLIP[cond.operatorToken.kind]!, value: v };
  }
  return undefined;
}

function stepOf(cx: CheckContext, update: ts.Expression | undefined, decl: ts.Node): bigint | undefined {
  if (!update) return undefined;
  if ((ts.isPostfixUnaryExpression(update) || ts.isPrefixUnaryExpression(update)) && refersTo(cx, update.operand, decl)) {
    return update.operator === K.PlusPlusToken ? 1n : update.operator === K.MinusMinusToken ? -1n : undefined;
  }
  if (ts.isBinaryExpression(update) && refersTo(cx, update.left, decl)) {
    const op = update.operatorToken.kind;
    const right = ts.isParenthesizedExpression(update.right) ? update.right.expression : update.right;
    if (op === K.EqualsToken && ts.isBinaryExpression(right) && refersTo(cx, right.left, decl)) {
      const v = constantOf(cx, right.right);
      if (v === undefined || v <= 0n) return undefined;
      if (right.operatorToken.kind === K.PlusToken) return v;
      if (right.operatorToken.kind === K.MinusToken) return -v;
      return undefined;
    }
    const v = constantOf(cx, update.right);
    if (v === undefined || v <= 0n) return undefined;
    if (op === K.PlusEqualsToken) return v;
    if (op === K.MinusEqualsToken) return -v;
  }
  return undefined;
}

/** True if the statement assigns the variable (or contains a `continue` that would skip a while-loop's increment). */
function assigns(cx: CheckContext, node: ts.Node, decl: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= K.FirstAssignment && n.operatorToken.kind <= K.LastAssignment && refersTo(cx, n.left, decl)) found = true;
    else if ((ts.isPostfixUnaryExpression(n) || ts.isPrefixUnaryExpression(n)) && (n.operator === K.PlusPlusToken || n.operator === K.MinusMinusToken) && refersTo(cx, n.operand, decl)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/** `for (const i of range(a, b))`: a and b constants, at most LOOP_LIMIT values. */
export function checkForOf(cx: CheckContext, node: ts.ForOfStatement, body: CheckBody): void {
  const init = node.initializer;
  const decl = ts.isVariableDeclarationList(init) && init.declarations.length === 1 ? init.declarations[0]! : undefined;
  const call = node.expression;
  const isRange = ts.isCallExpression(call) && ts.isIdentifier(call.expression) && call.expression.text === "range" && (() => {
    const d = cx.declarationOf(call.expression);
    return !!d && cx.isAmbient(d);
  })();
  if (!decl || !ts.isIdentifier(decl.name) || !isRange || node.awaitModifier) {
    cx.error(node, messages.unprovenLoop("`for...of` iterates only over `range(a, b)` with constant bounds"));
    body(node.statement);
    return;
  }
  const args = (call as ts.CallExpression).arguments.map((a) => (checkExpr(cx, a), constantOf(cx, a)));
  const [start, end] = args.length === 1 ? [0n, args[0]] : [args[0], args[1]];
  if (start === undefined || end === undefined) {
    cx.error(call, messages.unprovenLoop("the bounds of range() must be constants"));
    body(node.statement);
    return;
  }
  const type = defaultIntFor(start, end) ?? "i64";
  cx.bindings.set(decl, { kind: "local", cName: cx.localName(decl.name.text), type: int(type), mutable: false });
  const count = end > start ? end - start : 0n;
  cx.loopTrips.set(node, count);
  if (count > LOOP_LIMIT) cx.error(call, messages.loopTooLong(String(count), String(LOOP_LIMIT)));
  else {
    cx.rangeLoops.set(node, { start, end, type });
    cx.counterRanges.set(decl, [start, end - 1n]);
    cx.loopCounters.add(decl);
  }
  body(node.statement);
}

/** `while (i < N) { ...; i++; }`: an unsigned counter that the body steps up exactly once, at its top level, and nothing else assigns. */
export function checkWhile(cx: CheckContext, node: ts.WhileStatement, body: CheckBody): void {
  checkExpr(cx, node.expression);
  body(node.statement);
  const cond = ts.isParenthesizedExpression(node.expression) ? node.expression.expression : node.expression;
  const counter = ts.isBinaryExpression(cond) && ts.isIdentifier(cond.left) ? cx.declarationOf(cond.left) : undefined;
  const binding = counter && cx.bindings.get(counter);
  const bound = counter && boundOf(cx, cond, counter);
  const stmts = ts.isBlock(node.statement) ? [...node.statement.statements] : [node.statement];
  const steps = stmts.filter((s) => ts.isExpressionStatement(s) && counter && stepOf(cx, s.expression, counter) !== undefined);
  const others = stmts.filter((s) => !steps.includes(s));
  const proven =
    binding?.type.kind === "int" && !INTS[binding.type.name].signed && bound && (bound.op === K.LessThanToken || bound.op === K.LessThanEqualsToken) &&
    steps.length === 1 && !others.some((s) => assigns(cx, s, counter!) || hasOwnContinue(s));
  if (!proven) {
    cx.error(node, messages.unprovenLoop("write `while (i < N)` with a constant N and an unsigned `i` that the body increases exactly once, at its top level, with `i++` or `i += <constant>`; or use `for`"));
    return;
  }
  const step = stepOf(cx, (steps[0] as ts.ExpressionStatement).expression, counter!)!;
  const count = trips(0n, step, bound.op, bound.value)!;
  cx.loopTrips.set(node, count);
  cx.loopCounters.add(counter!);
  const max = INTS[(binding.type as { name: IntName }).name].max;
  if (step <= 0n || bound.value + step > max) {
    cx.error(node, messages.unprovenLoop("the counter must go up and must not wrap around"));
    return;
  }
  if (count > LOOP_LIMIT) cx.error(node, messages.loopTooLong(String(count), String(LOOP_LIMIT)));
}

/** A `continue` that belongs to this loop (not to a nested one). */
function hasOwnContinue(node: ts.Node): boolean {
  if (ts.isContinueStatement(node)) return true;
  if (ts.isIterationStatement(node, false) || ts.isFunctionLike(node)) return false;
  return !!ts.forEachChild(node, (c) => hasOwnContinue(c) || undefined);
}
