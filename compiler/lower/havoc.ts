// Where paths meet, locals whose value depends on the path taken are made unknown to the verifier, so it walks what follows once.
import { ts } from "ts-morph";
import { binary, call, cast, id, isConstantInC, num, type CExpr, type CStmt } from "../c/ast.js";
import type { TType } from "../types/types.js";
import { isLoop, someNode, unparen } from "../check/syntax.js";
import { INTS } from "../types/int-types.js";
import type { LowerContext } from "./context.js";

/*
 * The verifier follows each path with the values it knows: after `if (c) n = 1; else n = 2;` it walks the rest twice,
 * and each such statement doubles the walk when it later decides a branch on n. Nothing the program does needs the
 * verifier to know a local's value (array indexes and packet offsets carry their own checks), except a loop's
 * counter. So where paths meet — after a branch, a loop, a value chosen by `?:`, `&&`, `||` or a function of the
 * probe — each scalar local they may have set differently is xor-ed twice with bits the verifier cannot know
 * (tsbpf_havoc): unchanged at run time, the same for the verifier on every path.
 */

/** The scalar locals a statement may leave with a value that depends on the path through it. */
export function pathDependentAfter(lx: LowerContext, s: ts.Statement): ts.Node[] {
  if (ts.isIfStatement(s) || ts.isSwitchStatement(s)) return assignedWithin(lx, s);
  if (isLoop(s)) return [...assignedWithin(lx, s), ...counterKeptAfter(lx, s)];
  if (ts.isVariableStatement(s)) return s.declarationList.declarations.filter((d) => d.initializer && branches(lx, d.initializer) && isScalar(lx, d));
  if (ts.isExpressionStatement(s)) {
    const e = unparen(s.expression);
    if (ts.isBinaryExpression(e) && isAssignment(e) && branches(lx, e.right)) {
      const d = ts.isIdentifier(unparen(e.left)) ? lx.facts.declarationOf(unparen(e.left)) : undefined;
      return d && isScalar(lx, d) ? [d] : [];
    }
  }
  return [];
}

/**
 * The counter of a `while` loop, declared before it, where the loop may end early: the verifier knows it exactly on
 * each trip, so a loop left by `break` on trip k hands on a state for every k (1,025 of them after a 1,024-trip loop,
 * each walking what follows). After the loop it is one value the verifier does not know. (A later `while` counting on
 * from it still ends: its own test bounds it.)
 */
function counterKeptAfter(lx: LowerContext, loop: ts.Node): ts.Node[] {
  if (!ts.isWhileStatement(loop)) return [];
  const test = unparen(loop.expression);
  if (!ts.isBinaryExpression(test) || !ts.isIdentifier(unparen(test.left))) return [];
  const d = lx.facts.declarationOf(unparen(test.left));
  const b = d && lx.bindingOfDecl(d);
  // a `break` of this loop: not one of a nested loop or a switch
  const ownBreak = someNode(loop.statement, ts.isBreakStatement, (n) => !isLoop(n) && !ts.isSwitchStatement(n) && !ts.isFunctionLike(n));
  return d && b && lx.facts.loopCounters.has(d) && b.type.kind === "int" && !declaredWithin(d, loop) && ownBreak ? [d] : [];
}

/** Whether a declaration stands inside a node. */
function declaredWithin(d: ts.Node, s: ts.Node): boolean {
  return d.pos >= s.pos && d.end <= s.end && d.getSourceFile() === s.getSourceFile();
}

/** The scalar locals a loop's body may leave different from one iteration to the next (made unknown at its top). */
export function loopCarried(lx: LowerContext, loop: ts.IterationStatement): ts.Node[] {
  return assignedWithin(lx, loop.statement);
}

/**
 * A value computed by choosing between paths — a comparison, `!`, `&&`, `||` or `?:` used as a value, which BPF can only
 * compute by a jump (it has no set-on-condition instruction) — made unknown to the verifier where its paths meet, so
 * what follows is one state however it was chosen: stored in a struct, an array or a map, or passed on, the constants
 * 0 and 1 of the two paths would otherwise keep the states apart for the rest of the program (an array of structs whose
 * three fields were initialised by comparisons made the verifier walk a 256-trip loop eight times over).
 */
export function unknownToVerifier(lx: LowerContext, node: ts.Expression, value: CExpr, expected?: TType): CExpr {
  if (isTestPosition(node) || isConstantInC(value)) return value; // a constant is the same on every path
  const same = equalityWithoutJump(lx, node, value);
  if (same) return same;
  const t = lx.typeOf(node);
  if (t.kind !== "int" && t.kind !== "bool" && t.kind !== "enum" && t.kind !== "const") return value;
  lx.helpers.add("havoc");
  // C computes `c ? 0 : u16` in a (signed) int: the value keeps its own type, or clang, no longer seeing through it, divides signed
  const int = t.kind === "int" ? t.name : t.kind === "const" && expected?.kind === "int" ? expected.name : undefined;
  const unknown = call("tsbpf_unknown", [value, noiseFor(lx, int !== undefined && INTS[int].bits === 64)]);
  // a bool stored as _Bool: `& 1` tells clang it is 0 or 1 already, or it would compare (a jump) to convert it
  if (t.kind === "bool") return binary("&", unknown, num(1));
  return int ? cast(INTS[int].c, unknown) : unknown;
}

/**
 * `a == b` or `a != b` of values of at most 32 bits, used as a value where the walk comes back (in a loop, or in a
 * function a loop calls), computed without a jump (tsbpf_same32): made unknown after its two paths met, the value kept
 * them apart at the meeting point, and in a 256-trip loop with map updates the verifier, which keeps a state to
 * compare with only every few jumps, walked the rest of the loop from both (fuzz 20261304/890: past 1,000,000 steps).
 */
function equalityWithoutJump(lx: LowerContext, node: ts.Expression, value: CExpr): CExpr | undefined {
  const n = unparen(node);
  if (!ts.isBinaryExpression(n) || !revisited(lx, n)) return undefined;
  const test = value.k === "call" && value.fn === "tsbpf_decided" ? value.args[0]! : value;
  if (test.k !== "binary" || (test.op !== "==" && test.op !== "!=")) return undefined;
  const narrow = (t: TType) => (t.kind === "int" && INTS[t.name].bits <= 32) || (t.kind === "const" && [t.value, t.other ?? t.value].every((v) => v >= -(2n ** 31n) && v < 2n ** 32n)) || t.kind === "bool";
  if (!narrow(lx.typeOf(n.left)) || !narrow(lx.typeOf(n.right))) return undefined;
  if (lx.typeOf(n.left).kind === "const" && lx.typeOf(n.right).kind === "const") return undefined;
  lx.helpers.add("havoc");
  const same = call("tsbpf_same32", [test.left, test.right]);
  return test.op === "==" ? same : binary("^", same, num(1));
}

/** Whether an expression is only tested (a condition, an operand of `!`, `&&`, `||`) or is a program's verdict. */
function isTestPosition(node: ts.Expression): boolean {
  let n: ts.Node = node;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if ((ts.isIfStatement(p) || ts.isWhileStatement(p) || ts.isDoStatement(p)) && p.expression === n) return true;
  if (ts.isForStatement(p) && p.condition === n) return true;
  if (ts.isConditionalExpression(p) && p.condition === n) return true;
  if (ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.ExclamationToken) return true;
  // a program's verdict ends its path
  if (ts.isReturnStatement(p) && ts.isMethodDeclaration(ts.findAncestor(p, (a) => ts.isFunctionLike(a)) ?? p)) return true;
  return ts.isBinaryExpression(p) && (p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || p.operatorToken.kind === ts.SyntaxKind.BarBarToken);
}

/** Statements that make these locals unknown to the verifier. */
export function havoc(lx: LowerContext, decls: ts.Node[]): CStmt[] {
  if (decls.length === 0) return [];
  lx.helpers.add("havoc");
  return decls.map((d) => {
    const b = lx.bindingOfDecl(d)!;
    return { k: "expr", expr: call("tsbpf_havoc", [id(b.cName), noiseFor(lx, b.type.kind === "int" && INTS[b.type.name].bits === 64)]) } as CStmt;
  });
}

/** Bits the verifier cannot know: 32 cover values that fit 32 bits; a 64-bit value needs them in both halves. */
function noiseFor(lx: LowerContext, wide: boolean): CExpr {
  return wide ? { k: "binary", op: "*", left: lx.scope.noise(), right: num(0x100000001n, "ULL") } : lx.scope.noise();
}

function isAssignment(e: ts.BinaryExpression): boolean {
  return e.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && e.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
}

function isScalar(lx: LowerContext, decl: ts.Node): boolean {
  const b = lx.bindingOfDecl(decl);
  return !!b && (b.kind === "local" || b.kind === "param") && (b.type.kind === "int" || b.type.kind === "bool" || b.type.kind === "enum") && !lx.facts.loopCounters.has(decl);
}

/**
 * An `if` that sets a header variable declared outside it, or a `?:` choosing a header, tests a condition clang must
 * decide once: it would make each field of the header (pointer, presence flag) a select of its own and test the
 * condition again for each, and the verifier, which cannot relate two unknown registers, would walk the paths where
 * the pointer came from one side and the flag from the other (a null pointer the flag says is there). The condition
 * is computed into a register clang cannot see through (tsbpf_decided); every select then tests that register against
 * 0, which the verifier knows after the first.
 */
export function decidedOnce(lx: LowerContext, node: ts.IfStatement | ts.ConditionalExpression, test: CExpr): CExpr {
  const choosesHeader = ts.isConditionalExpression(node) ? lx.typeOf(node).kind === "header" : assignedWithin(lx, node, isHeader).length > 0;
  if (!choosesHeader || isConstantInC(test)) return test;
  return call("tsbpf_decided", [test]);
}

/**
 * A comparison of a loop counter, which the verifier knows exactly on each trip, with a value it does not know narrows
 * that value (and every copy of it, in registers and on the stack) differently on every trip: after `j < n` on trip k
 * the walk holds n in [0, k] and n > k apart, and a 256-trip loop walked its body some 30,000 times. The other side is
 * compared through a copy the verifier does not link to it (tsbpf_unlinked: an `and` with all ones, which keeps the
 * copy's range, so a loop bounded by `i < n` with n known small still ends).
 */
export function unlinkedFromCounter(lx: LowerContext, node: ts.BinaryExpression, left: CExpr, right: CExpr): [CExpr, CExpr] {
  const l = mentionsCounter(lx, node.left);
  const r = mentionsCounter(lx, node.right);
  const unlinked = (n: ts.Expression, e: CExpr): CExpr => {
    if (isConstantInC(e) || !isKept(lx, n)) return e;
    return call("tsbpf_unlinked", [e]);
  };
  if (l === r) return l ? [left, right] : unlinkedFromConstant(lx, node, left, right, unlinked);
  return l ? [left, unlinked(node.right, right)] : [unlinked(node.left, left), right];
}

/**
 * A value that lives on from trip to trip compared with a constant where the walk comes back (in a loop, or in a
 * function a loop calls) is compared through an unlinked copy too: `n == 5` narrows n to 5 on one side for the rest of
 * the walk, so every trip starts a path of its own with n known, which the verifier can prune only against states it
 * has kept; in a long loop it drops those that keep failing to match (the counter differs on every trip), and the
 * walk grew with the square of the trips (fuzz 20261302/1155: a 256-trip loop testing a parameter's field went past
 * 1,000,000 steps, 4,184 for 64 trips with the copy against 83,364 without).
 */
function unlinkedFromConstant(lx: LowerContext, node: ts.BinaryExpression, left: CExpr, right: CExpr, unlinked: (n: ts.Expression, e: CExpr) => CExpr): [CExpr, CExpr] {
  if (isConstantInC(left) === isConstantInC(right) || !revisited(lx, node)) return [left, right];
  return isConstantInC(right) ? [unlinked(node.left, left), right] : [left, unlinked(node.right, right)];
}

/**
 * Whether a value lives on from trip to trip, so that narrowing it lasts: a local or parameter, or a field of a local
 * struct or header, possibly converted (`u64(n)`). A header's field is computed once before the loop where clang can
 * (IPv6's `extensionLength` is the header's length less 40: compared with a 256-trip counter, it was narrowed anew on
 * every trip, fuzz 20261303/3922). A value computed afresh (`c ? a : 16`) is narrowed in a temporary; an unlinked copy
 * of it would only cost an instruction and a register (a program at 930,000 steps went over the verifier's 1,000,000
 * with one: fuzz 20261153/1112).
 */
function isKept(lx: LowerContext, n: ts.Expression): boolean {
  let e = unparen(n);
  while (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text in INTS && e.arguments.length === 1) e = unparen(e.arguments[0]!);
  const field = ts.isPropertyAccessExpression(e);
  if (ts.isPropertyAccessExpression(e)) e = unparen(e.expression);
  if (!ts.isIdentifier(e)) return false;
  const d = lx.facts.declarationOf(e);
  const b = d && lx.bindingOfDecl(d);
  return !!b && (b.kind === "local" || b.kind === "param") && b.type.kind !== "context" && b.type.kind !== "map" && (field || b.type.kind !== "header");
}

/**
 * A comparison of two values the verifier does not know, where the walk can come back to it (in a loop, or in a
 * function a loop may call), decided once (tsbpf_decided): clang tests such a condition again where it merges paths
 * (`j += c ? 1 : 0` and a second jump on c), and the verifier, which cannot relate two unknown registers, walks the
 * paths where the two tests disagree; one of them came back to the loop's head in the state it left it, which the
 * verifier reports as an infinite loop.
 */
export function decidedInLoop(lx: LowerContext, node: ts.BinaryExpression, test: CExpr, left: CExpr, right: CExpr): CExpr {
  if (isConstantInC(left) || isConstantInC(right) || readsHeader(lx, node) || !revisited(lx, node)) return test;
  return call("tsbpf_decided", [test]);
}

/**
 * Whether an expression reads a header's field: such a comparison is left to clang, which computes it once before the
 * loop (the fields do not change in it); decided on every trip, it kept a 256-trip loop's states apart (fuzz
 * 20261153/2378: 89,240 verifier steps, then over 1,000,000).
 */
function readsHeader(lx: LowerContext, e: ts.Node): boolean {
  return someNode(e, (n) => ts.isIdentifier(n) && lx.facts.types.get(n)?.kind === "header");
}

/** Whether the walk may reach a node more than once: it stands in a loop, or in a function called in one. */
function revisited(lx: LowerContext, node: ts.Node): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (isLoop(n)) return true;
    if (ts.isFunctionDeclaration(n)) return calledInLoop(lx, n);
    if (ts.isMethodDeclaration(n)) return false;
  }
  return false;
}

const calledInLoopCache = new WeakMap<ts.FunctionDeclaration, boolean>();

/** Whether some call of a function of the probe stands in a loop, or in a function that is itself called in one. */
function calledInLoop(lx: LowerContext, fn: ts.FunctionDeclaration): boolean {
  const known = calledInLoopCache.get(fn);
  if (known !== undefined) return known;
  calledInLoopCache.set(fn, false); // recursion is refused by check; this only ends the walk
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && lx.facts.declarationOf(n.expression) === fn && revisited(lx, n)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(fn.getSourceFile());
  calledInLoopCache.set(fn, found);
  return found;
}

function mentionsCounter(lx: LowerContext, e: ts.Node): boolean {
  return someNode(e, (n) => {
    const d = ts.isIdentifier(n) ? lx.facts.declarationOf(n) : undefined;
    return !!d && lx.facts.loopCounters.has(d);
  });
}

function isHeader(lx: LowerContext, decl: ts.Node): boolean {
  const b = lx.bindingOfDecl(decl);
  return !!b && (b.kind === "local" || b.kind === "param") && b.type.kind === "header";
}

/** Locals declared outside `s` and assigned inside it (scalars unless another kind is asked for). */
function assignedWithin(lx: LowerContext, s: ts.Node, kind: (lx: LowerContext, decl: ts.Node) => boolean = isScalar): ts.Node[] {
  const out = new Set<ts.Node>();
  const visit = (n: ts.Node): void => {
    let target: ts.Expression | undefined;
    if (ts.isBinaryExpression(n) && isAssignment(n)) target = unparen(n.left);
    if ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) && (n.operator === ts.SyntaxKind.PlusPlusToken || n.operator === ts.SyntaxKind.MinusMinusToken)) target = unparen(n.operand);
    if (target && ts.isIdentifier(target)) {
      const d = lx.facts.declarationOf(target);
      if (d && !declaredWithin(d, s) && kind(lx, d)) out.add(d);
    }
    ts.forEachChild(n, visit);
  };
  visit(s);
  return [...out];
}

/** Whether evaluating e may take one of several paths: `?:`, `&&`, `||`, or a call of the probe's own function. */
function branches(lx: LowerContext, e: ts.Node): boolean {
  if (ts.isConditionalExpression(e)) return true;
  if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken)) return true;
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression)) {
    const d = lx.facts.declarationOf(e.expression);
    if (d && lx.facts.functions.has(d)) return true;
  }
  return ts.forEachChild(e, (c) => branches(lx, c) || undefined) ?? false;
}
