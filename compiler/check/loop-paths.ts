// The paths through a loop's body that leave the verifier different states: how many times over it walks each iteration.
import { ts } from "ts-morph";
import type { CheckContext } from "./context.js";
import { isAssigned, isLoop } from "./syntax.js";

/**
 * How many times over, on average, the verifier walks each iteration of a loop whose body the program can leave by
 * several paths into the next iteration: what those paths leave behind (values stored in the stack by one path and not
 * another, an index clamped on one) keeps their states apart, so from the second iteration on it walks the body once
 * per pair of paths, up to 64 (measured: a body of two paths took 3 times the single walk over 64 iterations, one of
 * six 66 times over 5).
 */
export function pathGrowth(cx: CheckContext, body: ts.Statement, trips: number): number {
  const paths = Math.min(pathsThrough(cx, body), 16);
  if (paths <= 1 || trips <= 1) return 1;
  return (1 + (trips - 1) * Math.min(paths * paths, PATH_GROWTH_CAP)) / trips;
}

const PATH_GROWTH_CAP = 64;

/**
 * The paths through a statement that carry on after it (a loop's `continue` carries on into the next iteration; in a
 * switch's case, so does a `break`, at any depth of blocks and branches: it leaves the switch).
 */
function pathsThrough(cx: CheckContext, s: ts.Statement, inCase = false): number {
  if (ts.isBlock(s)) return pathsThroughList(cx, s.statements, inCase);
  if (ts.isBreakStatement(s)) return inCase ? 1 : 0;
  if (ts.isReturnStatement(s)) return 0;
  if (ts.isIfStatement(s)) {
    const then = pathsThrough(cx, s.thenStatement, inCase);
    const otherwise = s.elseStatement ? pathsThrough(cx, s.elseStatement, inCase) : 1;
    // branches that only set scalars meet as one state (lowering makes those unknown where they meet: lower/havoc.ts)
    const apart = leavesState(cx, s.thenStatement) || (s.elseStatement !== undefined && leavesState(cx, s.elseStatement));
    return clampsIn(cx, s.expression) * (apart ? then + otherwise : Math.min(1, then + otherwise));
  }
  if (ts.isSwitchStatement(s)) {
    const cases = s.caseBlock.clauses.map((c) => pathsThroughList(cx, c.statements, true));
    const hasDefault = s.caseBlock.clauses.some((c) => ts.isDefaultClause(c));
    return clampsIn(cx, s.expression) * Math.max(1, cases.reduce((a, b) => a + b, 0) + (hasDefault ? 0 : 1));
  }
  if (isLoop(s)) return 1;
  return clampsIn(cx, s);
}

/** The paths through a list of statements; in a case, a `break` ends the list (and carries on after the switch). */
function pathsThroughList(cx: CheckContext, list: readonly ts.Statement[], inCase = false): number {
  let paths = 1;
  for (const st of list) {
    if (inCase && ts.isBreakStatement(st)) return paths;
    paths *= pathsThrough(cx, st, inCase);
    if (paths === 0) return 0;
  }
  return Math.min(paths, 1024);
}

/**
 * Whether a branch may leave the verifier a state the other does not: it parses a header, reads a map value, or
 * declares or writes a struct or an array (kept in the stack, where what one path stored stays).
 */
function leavesState(cx: CheckContext, s: ts.Node): boolean {
  const visit = (n: ts.Node): boolean => {
    const t = cx.types.get(n as ts.Expression);
    if (ts.isCallExpression(n) && (t?.kind === "header" || t?.kind === "ref")) return true;
    if (ts.isVariableDeclaration(n) && ["struct", "array"].includes(cx.bindings.get(n)?.type.kind ?? "")) return true;
    if (isAssigned(n) && (ts.isElementAccessExpression(n) || (ts.isPropertyAccessExpression(n) && ["struct", "array"].includes(cx.types.get(n.expression)?.kind ?? "")))) return true;
    return ts.forEachChild(n, visit) ?? false;
  };
  return visit(s);
}

/** 2 for each element of an array whose length is not a power of two read at a variable index (its clamp is a branch). */
function clampsIn(cx: CheckContext, n: ts.Node): number {
  let clamps = 0;
  const visit = (c: ts.Node): void => {
    if (ts.isElementAccessExpression(c) && cx.types.get(c.argumentExpression)?.kind !== "const") {
      const array = cx.types.get(c.expression);
      if (array?.kind === "array" && (array.length & (array.length - 1)) !== 0) clamps++;
    }
    if (!isLoop(c)) ts.forEachChild(c, visit);
  };
  visit(n);
  return 2 ** Math.min(clamps, 4);
}
