// Raw packet accesses at constant offsets in straight-line code: one bounds check per cursor for a whole run of statements.
import { ts } from "ts-morph";
import { call, id, num, type CStmt } from "../c/ast.js";
import { constantOf } from "../check/constants.js";
import { unwrap } from "../check/syntax.js";
import { CURSOR_OFFSET_MAX, CURSOR_READS, CURSOR_WRITES } from "../protocols/cursor.js";
import type { CheckFacts } from "../check/facts.js";
import type { LowerContext } from "./context.js";
import type { FunctionScope } from "./function-scope.js";
import { followsStatement } from "./access-form.js";

/** Ambient functions without effects: a run may go through them. */
const PURE_FUNCTIONS = new Set(["u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64", "csumFold", "csumReplace16", "csumReplace32"]);

/** A call of one of the ambient functions without effects (an integer conversion, a checksum computation). */
export function isPureCall(facts: Pick<CheckFacts, "declarationOf" | "isAmbient">, e: ts.CallExpression): boolean {
  if (!ts.isIdentifier(e.expression) || !PURE_FUNCTIONS.has(e.expression.text)) return false;
  const decl = facts.declarationOf(e.expression);
  return !!decl && facts.isAmbient(decl);
}

/** A raw access of a run: the span (checked pointer) it reads or writes through, and its offset from the span's start. */
export interface SpanAccess {
  span: string;
  offset: bigint;
}

interface Access {
  call: ts.CallExpression;
  cursor: ts.Node;
  offset: bigint;
  width: number;
}

/**
 * The run of statements starting at list[start]: statements whose only effects are on locals and, through raw
 * accesses at constant offsets of cursors held in const variables, on the packet; the last may be an if, return or
 * switch whose head is such an expression. Every cursor the run reaches is checked once before the run, to the
 * furthest byte it touches: when an access would fall outside, the program ends with its onError verdict before
 * any statement of the run is made, which no statement of the run can tell apart from ending at that access.
 * Accesses made only on some paths (after && or ?, say) are not part of the run and keep their own checks.
 * Returns the checks to put before the run (none when it makes no such access) and where the next run may start (past
 * list[start] at least); lx.rawSpans then tells lowering how to reach each access.
 */
export function planRawRun(lx: LowerContext, list: readonly ts.Statement[], start: number): { checks: CStmt[]; end: number } {
  const accesses: Access[] = [];
  let end = start;
  while (end < list.length) {
    const found: Access[] = [];
    const s = list[end]!;
    const quiet = quietStatement(lx, s, found);
    if (quiet === "no") break;
    accesses.push(...found);
    end++;
    if (quiet === "head") break;
  }
  if (accesses.length === 0) return { checks: [], end: Math.max(end, start + 1) };
  const extents = new Map<ts.Node, bigint>();
  for (const a of accesses) extents.set(a.cursor, bigMax(extents.get(a.cursor) ?? 0n, a.offset + BigInt(a.width)));
  const spans = new Map<ts.Node, string>();
  const checks: CStmt[] = [];
  const at = lx.at(list[start]!);
  for (const [cursor, extent] of extents) {
    const proven = provenSpan(lx, cursor, extent, list[start]!);
    if (proven) {
      spans.set(cursor, proven);
      continue;
    }
    const span = lx.temporary("span");
    spans.set(cursor, span);
    lx.checkedSpans.push({ list, index: start, cursor, span, extent, scope: lx.scope });
    const c = id(lx.bindingOfDecl(cursor)!.cName);
    checks.push({ k: "decl", type: "__u8 *", name: span, init: call("tsbpf_span", [c]), at }, { k: "expr", expr: call("tsbpf_span_check", [id(span), c, num(Number(extent)), lx.scope.end()]), at });
  }
  for (const a of accesses) lx.rawSpans.set(a.call, { span: spans.get(a.cursor)!, offset: a.offset });
  lx.helpers.add("rawRead");
  return { checks, end };
}

/** A span checked before a statement of a list: `extent` bytes from the cursor's start lie inside the packet after it. */
export interface CheckedSpan {
  list: readonly ts.Statement[];
  index: number;
  cursor: ts.Node;
  span: string;
  extent: bigint;
  /** The function being lowered when it was checked: its spans are its own C locals. */
  scope: FunctionScope;
}

/**
 * A span already checked to at least `extent` bytes of the cursor wherever `at` runs: one checked before a statement
 * of a list that is `at` or holds it, at or after the check's place. Its check ran whenever `at` runs (in structured
 * code, a later statement of a list runs only after the earlier ones), nothing moves a cursor's bytes while the
 * cursor can still be used (check/adjustments.ts), and the span is declared in that list's C block, so it is in scope.
 * These are the byte ranges the packet-access form (access-form.ts) knows proven at `at`.
 */
function provenSpan(lx: LowerContext, cursor: ts.Node, extent: bigint, at: ts.Node): string | undefined {
  return lx.checkedSpans.find((c) => c.scope === lx.scope && c.cursor === cursor && c.extent >= extent && followsStatement(c.list, c.index, at))?.span;
}

/** A raw access outside any run whose bytes a span checked before it already covers (see provenSpan). */
export function coveredAccess(lx: LowerContext, e: ts.CallExpression): SpanAccess | undefined {
  const a = rawAccess(lx, e);
  const span = a && provenSpan(lx, a.cursor, a.offset + BigInt(a.width), e);
  return span ? { span, offset: a.offset } : undefined;
}

function bigMax(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

/** "all": the statement belongs to a run; "head": its head does, and the run ends with it; "no": it ends the run before it. */
function quietStatement(lx: LowerContext, s: ts.Statement, found: Access[]): "all" | "head" | "no" {
  if (ts.isExpressionStatement(s)) return quietExpression(lx, s.expression, found, true) ? "all" : "no";
  if (ts.isVariableStatement(s)) {
    return s.declarationList.declarations.every((d) => d.initializer && ts.isIdentifier(d.name) && quietExpression(lx, d.initializer, found, true)) ? "all" : "no";
  }
  const head = ts.isIfStatement(s) ? s.expression : ts.isReturnStatement(s) ? s.expression : ts.isSwitchStatement(s) ? s.expression : undefined;
  return head && quietExpression(lx, head, found, true) ? "head" : "no";
}

/** Whether e has no effect but on locals and through raw accesses; the accesses made whenever e is evaluated go to found. */
function quietExpression(lx: LowerContext, e: ts.Node, found: Access[], always: boolean): boolean {
  if (ts.isCallExpression(e)) {
    const access = rawAccess(lx, e);
    if (access) {
      if (always) found.push(access);
      return e.arguments.every((a) => quietExpression(lx, a, found, always));
    }
    return isPureCall(lx.facts, e) && e.arguments.every((a) => quietExpression(lx, a, found, always));
  }
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment && !localTarget(lx, unwrap(e.left))) return false;
    const conditional = op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken;
    return quietExpression(lx, e.left, found, always) && quietExpression(lx, e.right, found, always && !conditional);
  }
  if (ts.isConditionalExpression(e)) {
    return quietExpression(lx, e.condition, found, always) && quietExpression(lx, e.whenTrue, found, false) && quietExpression(lx, e.whenFalse, found, false);
  }
  if ((ts.isPrefixUnaryExpression(e) || ts.isPostfixUnaryExpression(e)) && (e.operator === ts.SyntaxKind.PlusPlusToken || e.operator === ts.SyntaxKind.MinusMinusToken)) {
    return localTarget(lx, unwrap(e.operand));
  }
  if (ts.isPropertyAccessExpression(e) && e.questionDotToken) return false;
  if (ts.isElementAccessExpression(e) && e.questionDotToken) return false;
  if (ts.isNewExpression(e) || ts.isTaggedTemplateExpression(e) || ts.isDeleteExpression(e) || ts.isFunctionLike(e)) return false;
  let quiet = true;
  e.forEachChild((c) => {
    quiet &&= quietExpression(lx, c, found, always);
  });
  return quiet;
}

/** An assignment's target that is the function's own memory: a local, or an element or field of one. */
function localTarget(lx: LowerContext, target: ts.Expression): boolean {
  if (ts.isIdentifier(target)) {
    const kind = lx.bindingOf(target)?.kind;
    return kind === "local" || kind === "param";
  }
  if (ts.isElementAccessExpression(target) || ts.isPropertyAccessExpression(target)) {
    const kind = lx.typeOf(target.expression).kind;
    return (kind === "array" || kind === "struct") && localTarget(lx, unwrap(target.expression));
  }
  return false;
}

/** c.u32(4), c.setU16(12, v): a raw access at a constant offset of a cursor held in a const variable. */
function rawAccess(lx: LowerContext, e: ts.CallExpression): Access | undefined {
  const callee = e.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.questionDotToken) return undefined;
  const name = callee.name.text;
  const width = CURSOR_READS[name] ?? CURSOR_WRITES[name]?.width;
  if (!width) return undefined;
  const receiver = unwrap(callee.expression);
  const type = lx.facts.types.get(receiver);
  if (!ts.isIdentifier(receiver) || type?.kind !== "header" || type.proto !== "Cursor") return undefined;
  const decl = lx.facts.declarationOf(receiver);
  if (!decl || !ts.isVariableDeclaration(decl) || !(decl.parent.flags & ts.NodeFlags.Const) || !lx.bindingOfDecl(decl)) return undefined;
  const offset = e.arguments[0] && constantOf(lx.facts, e.arguments[0]);
  if (offset === undefined || offset < 0n || offset > BigInt(CURSOR_OFFSET_MAX)) return undefined;
  return { call: e, cursor: decl, offset, width };
}
