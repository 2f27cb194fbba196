// Lowers statements; every C statement keeps the TypeScript line it came from.
import { ts } from "ts-morph";
import { binary, call, cast, id, isConstantInC, num, type CExpr, type CStmt } from "../c/ast.js";
import { unparen } from "../check/syntax.js";
import { INTS, type IntName } from "../types/int-types.js";
import { compoundOperator } from "../check/statements.js";
import type { TType } from "../types/types.js";
import { cType, intLiteral } from "./c-types.js";
import { isTraceCall, lowerTrace } from "./intrinsics/trace.js";
import { logSiteOf, lowerLog } from "./log.js";
import { lowerFieldWrite } from "./intrinsics/packet.js";
import type { LowerContext } from "./context.js";
import { arithmetic, lowerAs, lowerTest } from "./expressions.js";
import { lowerBigCopy } from "./copies.js";
import { constantOf } from "../check/constants.js";
import { lowerContextWrite } from "./context-fields.js";
import { decidedOnce, havoc, loopCarried, pathDependentAfter } from "./havoc.js";
import { fieldSwap } from "./swaps.js";
import { planRawRun } from "./raw-runs.js";

export function lowerBlock(lx: LowerContext, block: ts.Block, returns: TType): CStmt[] {
  return lowerStatements(lx, block.statements, returns);
}

/**
 * A list of statements, with fields exchanged through a temporary made one swap (lower/swaps.ts) and raw accesses
 * checked once for each run of statements they stand in (lower/raw-runs.ts).
 */
function lowerStatements(lx: LowerContext, list: readonly ts.Statement[], returns: TType): CStmt[] {
  const out: CStmt[] = [];
  let runEnd = 0;
  for (let i = 0; i < list.length; i++) {
    if (i >= runEnd) {
      const run = planRawRun(lx, list, i);
      out.push(...run.checks);
      runEnd = run.end;
    }
    out.push(...lowerStatement(lx, list[i]!, returns));
    const swap = fieldSwap(lx, list, i);
    if (swap) {
      out.push(swap);
      i += 2;
    }
  }
  return out;
}

function lowerStatement(lx: LowerContext, node: ts.Statement, returns: TType): CStmt[] {
  const lowered = lowerOne(lx, node, returns);
  const after = havoc(lx, pathDependentAfter(lx, node));
  return after.length ? [...lowered, ...after.map((h) => ({ ...h, at: lx.at(node) }))] : lowered;
}

function lowerOne(lx: LowerContext, node: ts.Statement, returns: TType): CStmt[] {
  const at = lx.at(node);
  if (ts.isBlock(node)) return [{ k: "block", body: lowerBlock(lx, node, returns), at }];
  if (ts.isVariableStatement(node)) return node.declarationList.declarations.flatMap((d) => declaration(lx, d));
  if (ts.isIfStatement(node)) {
    const branch = (s: ts.Statement) => (ts.isBlock(s) ? lowerBlock(lx, s, returns) : lowerStatement(lx, s, returns));
    return [{ k: "if", test: decidedOnce(lx, node, lowerTest(lx, node.expression)), then: branch(node.thenStatement), else: node.elseStatement ? branch(node.elseStatement) : undefined, at }];
  }
  if (ts.isReturnStatement(node)) return [{ k: "return", value: node.expression ? lowerAs(lx, node.expression, returns) : lx.voidReturn, at }];
  if (ts.isExpressionStatement(node) && isTraceCall(lx, unparen(node.expression))) return [lowerTrace(lx, unparen(node.expression) as ts.CallExpression, at)];
  const site = ts.isExpressionStatement(node) ? logSiteOf(lx, unparen(node.expression)) : undefined;
  if (site) return [lowerLog(lx, site, at)];
  if (ts.isExpressionStatement(node)) return [{ k: "expr", expr: expressionStatement(lx, unparen(node.expression)), at }];
  if (ts.isEmptyStatement(node)) return [];
  const body = (s: ts.Statement) => [
    ...keepCounter(lx, node as ts.IterationStatement),
    ...havoc(lx, loopCarried(lx, node as ts.IterationStatement)),
    ...(ts.isBlock(s) ? lowerBlock(lx, s, returns) : lowerStatement(lx, s, returns)),
  ];
  if (ts.isBreakStatement(node)) return [{ k: "break", at }];
  if (ts.isContinueStatement(node)) return [{ k: "continue", at }];
  if (ts.isWhileStatement(node)) return [{ k: "while", test: lowerTest(lx, node.expression), body: body(node.statement), at }];
  if (ts.isForStatement(node)) return [lowerFor(lx, node, body(node.statement))];
  if (ts.isForOfStatement(node)) return [lowerForOfRange(lx, node, body(node.statement))];
  if (ts.isSwitchStatement(node)) {
    const cases = node.caseBlock.clauses.map((c) => ({
      values: ts.isCaseClause(c) ? [lowerAs(lx, c.expression, lx.typeOf(node.expression))] : [],
      isDefault: ts.isDefaultClause(c),
      body: lowerStatements(lx, c.statements, returns),
    }));
    return [{ k: "switch", test: switchValue(lx, node.expression), cases, at }];
  }
  throw new Error(`internal: cannot lower ${ts.SyntaxKind[node.kind]}`);
}

/**
 * The value a switch tests, as clang should see it: a verdict enum as an integer (its cases need not all be there,
 * which -Wswitch would ask for), a constant (the user's redundancy, TSBPF1056) behind a barrier, since clang has no
 * flag to silence "no case matching constant switch condition".
 */
function switchValue(lx: LowerContext, value: ts.Expression): CExpr {
  const test = lowerAs(lx, value);
  if (constantOf(lx.facts, value) !== undefined || isConstantInC(test)) {
    return call("tsbpf_unfolded", [test]);
  }
  return lx.typeOf(value).kind === "enum" ? cast("__u32", test) : test;
}

/** The most bytes a raw copy takes at once; a longer one goes in pieces (clang spilled a 60-byte copy's loads). */
const COPY_WHOLE = 16;

function declaration(lx: LowerContext, decl: ts.VariableDeclaration): CStmt[] {
  const binding = lx.bindingOfDecl(decl)!;
  if (binding.type.kind === "const") return []; // an untyped local constant is substituted where it is used
  if (binding.type.kind === "array" && lx.facts.usedRawReads.has(decl.initializer!)) {
    // const b = c.bytes(off, n): declare the array, then copy into it (or leave through the onError exit)
    const copy = decl.initializer as ts.CallExpression;
    const cursor = lowerAs(lx, (copy.expression as ts.PropertyAccessExpression).expression);
    const n = binding.type.length;
    const at = [cursor, lowerAs(lx, copy.arguments[0]!, { kind: "int", name: "u32" }), num(n), lx.scope.end()];
    lx.helpers.add("rawRead");
    const array: CStmt = { k: "decl", type: "__u8", name: binding.cName, length: n, slot: true, at: lx.at(decl) };
    if (n <= COPY_WHOLE) return [array, { k: "expr", expr: call("tsbpf_copy", [id(binding.cName), ...at]), at: lx.at(decl) }];
    // past COPY_WHOLE bytes, in pieces of 8 (see tsbpf_copy_piece)
    const source = lx.temporary("src");
    const pieces = Array.from({ length: Math.ceil(n / 8) }, (_, i): CStmt => ({ k: "expr", expr: call("tsbpf_copy_piece", [id(binding.cName), id(source), num(8 * i), num(Math.min(8, n - 8 * i))]), at: lx.at(decl) }));
    return [array, { k: "decl", type: "__u8 *", name: source, init: call("tsbpf_at", at), at: lx.at(decl) }, ...pieces];
  }
  // structs and arrays live in memory: each starts a stack slot of its own (TSBPF_SLOT, runtime/base.h)
  const inMemory = binding.type.kind === "array" || binding.type.kind === "struct";
  const type = lx.facts.loopCounters.has(decl) && binding.type.kind === "int" ? counterType(binding.type.name) : cType(binding.type);
  const length = binding.type.kind === "array" ? binding.type.length : undefined;
  return [{ k: "decl", type, name: binding.cName, length, slot: inMemory || undefined, init: lowerAs(lx, decl.initializer!, binding.type), at: lx.at(decl) }];
}

/**
 * A loop counter lives in 64 bits whatever its type (uses read it through its type: lowerExpr), and is hidden from
 * clang at the top of each iteration (keepCounter), so clang cannot tell its upper half is zero: the verifier must see
 * it change to see the loop end, and clang spills a value it knows fits 32 bits with a 4-byte store, after which the
 * verifier knows nothing of it ("infinite loop detected"). The checker proved the counter stays in its type's range.
 */
export function counterType(t: IntName): string {
  return INTS[t].signed ? "__s64" : "__u64";
}

/** The counter of a proven loop: the variable its initializer declares, or the one a `while` compares. */
function counterOf(lx: LowerContext, loop: ts.IterationStatement): ts.Node | undefined {
  if ((ts.isForStatement(loop) || ts.isForOfStatement(loop)) && loop.initializer && ts.isVariableDeclarationList(loop.initializer)) {
    const d = loop.initializer.declarations[0];
    return d && lx.facts.loopCounters.has(d) ? d : undefined;
  }
  if (ts.isWhileStatement(loop)) {
    const cond = unparen(loop.expression);
    const d = ts.isBinaryExpression(cond) && ts.isIdentifier(unparen(cond.left)) ? lx.facts.declarationOf(unparen(cond.left)) : undefined;
    return d && lx.facts.loopCounters.has(d) ? d : undefined;
  }
  return undefined;
}

/** At the top of a loop's body, its counter is hidden from clang, which then keeps all 64 bits of it (see counterType). */
function keepCounter(lx: LowerContext, loop: ts.IterationStatement): CStmt[] {
  const counter = counterOf(lx, loop);
  if (!counter) return [];
  return [{ k: "expr", expr: call("tsbpf_counter", [id(lx.bindingOfDecl(counter)!.cName)]) }];
}

function lowerFor(lx: LowerContext, node: ts.ForStatement, body: CStmt[]): CStmt {
  const decl = (node.initializer as ts.VariableDeclarationList).declarations[0]!;
  const [init] = declaration(lx, decl);
  return { k: "for", init, test: node.condition ? lowerTest(lx, node.condition) : undefined, update: node.incrementor ? expressionStatement(lx, node.incrementor) : undefined, body, at: lx.at(node) };
}

/** `for (const i of range(a, b))` → `for (T i = a; i < b; i++)`. */
function lowerForOfRange(lx: LowerContext, node: ts.ForOfStatement, body: CStmt[]): CStmt {
  const facts = lx.facts.rangeLoops.get(node)!;
  const decl = (node.initializer as ts.VariableDeclarationList).declarations[0]!;
  const name = lx.bindingOfDecl(decl)!.cName;
  return {
    k: "for",
    init: { k: "decl", type: counterType(facts.type), name, init: intLiteral(facts.start, facts.type) },
    test: binary("<", id(name), intLiteral(facts.end, facts.type)),
    update: hiddenAfter(name, binary("=", id(name), binary("+", id(name), num(1)))),
    body,
    at: lx.at(node),
  };
}

/**
 * A loop counter's update, hidden from clang right after it: clang folded `if (b) break; i++;` into `i += !b`, a sum
 * the verifier cannot tie to the exit test, so it saw a trip that left the counter as it was ("infinite loop detected":
 * test/fuzz/regressions/verifier-infinite-loop-detected-at-insn-n-4de5f48f.ts).
 */
function counterStep(lx: LowerContext, target: ts.Expression, update: CExpr): CExpr {
  const d = ts.isIdentifier(target) ? lx.facts.declarationOf(target) : undefined;
  if (!d || !lx.facts.loopCounters.has(d)) return update;
  return hiddenAfter(lx.bindingOf(target)!.cName, update);
}

function hiddenAfter(counter: string, update: CExpr): CExpr {
  return { k: "scoped", locals: [], effects: [update], value: call("tsbpf_counter", [id(counter)]) };
}

function expressionStatement(lx: LowerContext, e: ts.Expression): CExpr {
  if ((ts.isPrefixUnaryExpression(e) || ts.isPostfixUnaryExpression(e)) && (e.operator === ts.SyntaxKind.PlusPlusToken || e.operator === ts.SyntaxKind.MinusMinusToken)) {
    const target = id(lx.bindingOf(unparen(e.operand))!.cName);
    const type = (lx.typeOf(e) as { name: IntName }).name;
    const op = e.operator === ts.SyntaxKind.PlusPlusToken ? ts.SyntaxKind.PlusToken : ts.SyntaxKind.MinusToken;
    return counterStep(lx, unparen(e.operand), binary("=", target, arithmetic(op, type, target, num(1), { kind: "const", value: 1n })));
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && e.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
    const left = unparen(e.left);
    const targetType = lx.typeOf(left);
    const view = compoundOperator(e.operatorToken.kind) ? lx.facts.compoundViews.get(e)! : undefined;
    if (ts.isPropertyAccessExpression(left) && lx.typeOf(left.expression).kind === "header") return lowerFieldWrite(lx, left, lowerAs(lx, view ?? e.right, targetType));
    const value = lowerAs(lx, view ?? e.right, targetType);
    const contextWrite = lowerContextWrite(lx, left, value);
    if (contextWrite) return contextWrite;
    const target = ts.isIdentifier(left) ? id(lx.bindingOf(left)!.cName) : lowerAs(lx, left);
    const bigCopy = view ? undefined : lowerBigCopy(lx, target, e.right, targetType);
    if (bigCopy) return bigCopy;
    // x op= y was checked as the synthetic x op y; lower that same view
    return counterStep(lx, left, binary("=", target, value));
  }
  if (droppedCallResult(lx, e)) {
    return call("tsbpf_used", [lowerAs(lx, e)]);
  }
  return discarded(lowerAs(lx, e));
}

/**
 * A call of a @noinline function whose result the statement drops (or that returns nothing, and in C returns 0):
 * clang, seeing the result unused, stops setting it, and the function returns whatever its last register held (a
 * stack pointer, which the verifier refuses).
 */
function droppedCallResult(lx: LowerContext, e: ts.Expression): boolean {
  if (!ts.isCallExpression(e) || !ts.isIdentifier(e.expression)) return false;
  const decl = lx.facts.declarationOf(e.expression);
  const fn = decl && lx.facts.functions.get(decl);
  return !!fn && fn.linkage !== "inline";
}

/**
 * A value a statement drops: a call as it is, without the conversion it would have as a value (`redirect(3);`),
 * anything else cast to void (`ctx.adjustHead(0);` is a comparison of the helper's result), so clang sees it is dropped on purpose.
 */
function discarded(e: CExpr): CExpr {
  if (e.k === "cast") return discarded(e.operand);
  return e.k === "call" || e.k === "binary" && e.op === "=" ? e : cast("void", e);
}
