// The packet-access form of a function: its header values, where each is used, and what holds about them at each point (present, Ethernet untagged, bytes proven).
import { ts } from "ts-morph";
import type { CheckFacts } from "../check/facts.js";
import { referencesTo, unparen, unwrap } from "../check/syntax.js";
import { protocolByTsName } from "../protocols/index.js";

type Facts = Pick<CheckFacts, "declarationOf" | "types">;

/** A header held in a `const`: the declaration is its identity. */
export type HeaderValue = ts.VariableDeclaration;

/** What holds where a node is evaluated, learnt from the tests that decide whether control reaches it. */
export interface Known {
  /** Header values known present (not null): their fixed part (the protocol's minLength) lies inside the packet. */
  present: Set<HeaderValue>;
  /** Ethernet header values known to carry no VLAN tag (`vlanCount` is 0). */
  untagged: Set<HeaderValue>;
}

/**
 * What holds where `node` is evaluated. Walking up from it to its function: an `if`, a loop condition, `&&`, `||` or
 * `?:` that it stands under taught which way its test went; a statement before it in a list, an `if` whose one branch
 * cannot complete normally (return, continue, break), taught that the test went the other way. Only `const` header
 * values are described, so nothing learnt can be undone by an assignment; an adjustment of the packet's bounds makes
 * every header taken before it unusable (check/adjustments.ts), so none is described past one.
 */
export function knownAt(facts: Facts, node: ts.Node): Known {
  const known: Known = { present: new Set(), untagged: new Set() };
  const learn = (e: ts.Expression, holds: boolean) => learnFrom(facts, e, holds, known);
  let child: ts.Node = node;
  for (let n: ts.Node | undefined = node.parent; n && !ts.isFunctionLike(n); child = n, n = n.parent) {
    if (ts.isBlock(n) || ts.isCaseClause(n) || ts.isDefaultClause(n)) {
      for (const s of n.statements) {
        if (s === child) break;
        if (!ts.isIfStatement(s)) continue;
        if (!completes(s.thenStatement)) learn(s.expression, false);
        else if (s.elseStatement && !completes(s.elseStatement)) learn(s.expression, true);
      }
    } else if (ts.isIfStatement(n) && child !== n.expression) {
      learn(n.expression, child === n.thenStatement);
    } else if (ts.isWhileStatement(n) && child === n.statement) {
      learn(n.expression, true);
    } else if (ts.isForStatement(n) && child === n.statement && n.condition) {
      learn(n.condition, true);
    } else if (ts.isConditionalExpression(n) && child !== n.condition) {
      learn(n.condition, child === n.whenTrue);
    } else if (ts.isBinaryExpression(n) && child === n.right) {
      const op = n.operatorToken.kind;
      if (op === ts.SyntaxKind.AmpersandAmpersandToken) learn(n.left, true);
      else if (op === ts.SyntaxKind.BarBarToken) learn(n.left, false);
    }
  }
  return known;
}

/**
 * Whether `node` is evaluated only after `list[index]` has begun: it is that statement or a later one of the list, or
 * stands inside one. In structured code a later statement of a list runs only once the earlier ones have run.
 */
export function followsStatement(list: readonly ts.Statement[], index: number, node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node; n && !ts.isFunctionLike(n); n = n.parent) {
    const i = list.indexOf(n as ts.Statement);
    if (i >= 0) return i >= index;
  }
  return false;
}

/** Whether control can leave s at its end (rather than by return, continue or break). */
function completes(s: ts.Statement): boolean {
  if (ts.isReturnStatement(s) || ts.isContinueStatement(s) || ts.isBreakStatement(s) || ts.isThrowStatement(s)) return false;
  if (ts.isBlock(s)) return s.statements.every(completes);
  if (ts.isIfStatement(s)) return !s.elseStatement || completes(s.thenStatement) || completes(s.elseStatement);
  return true;
}

/** What `e` having the value `holds` teaches about header values, alone. */
export function learnt(facts: Facts, e: ts.Expression, holds: boolean): Known {
  const known: Known = { present: new Set(), untagged: new Set() };
  learnFrom(facts, e, holds, known);
  return known;
}

/** What `e` having the value `holds` teaches about header values. */
function learnFrom(facts: Facts, expr: ts.Expression, holds: boolean, known: Known): void {
  const e = unparen(expr);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) return learnFrom(facts, e.operand, !holds, known);
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if ((op === ts.SyntaxKind.AmpersandAmpersandToken && holds) || (op === ts.SyntaxKind.BarBarToken && !holds)) {
      learnFrom(facts, e.left, holds, known);
      learnFrom(facts, e.right, holds, known);
      return;
    }
    const equality = comparedWith(e);
    if (!equality) return;
    const { subject, other, equal } = equality;
    const present = isNullish(other) ? headerValue(facts, subject) : undefined;
    if (present && holds !== equal) known.present.add(present);
    const tags = isZero(other) ? vlanCountOf(facts, subject) : undefined;
    if (tags && holds === equal) known.untagged.add(tags);
    return;
  }
  const value = headerValue(facts, e);
  if (value && holds) known.present.add(value);
  const tags = vlanCountOf(facts, e);
  if (tags && !holds) known.untagged.add(tags);
}

/** `a == b`, `a != b` and the strict forms, with `a` the side that is not a literal or null; `a > 0` and `0 < a` as `a != 0`. */
function comparedWith(e: ts.BinaryExpression): { subject: ts.Expression; other: ts.Expression; equal: boolean } | undefined {
  const op = e.operatorToken.kind;
  if (op === ts.SyntaxKind.GreaterThanToken && isZero(unparen(e.right))) return { subject: unparen(e.left), other: unparen(e.right), equal: false };
  if (op === ts.SyntaxKind.LessThanToken && isZero(unparen(e.left))) return { subject: unparen(e.right), other: unparen(e.left), equal: false };
  const equal = op === ts.SyntaxKind.EqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsEqualsToken;
  if (!equal && op !== ts.SyntaxKind.ExclamationEqualsToken && op !== ts.SyntaxKind.ExclamationEqualsEqualsToken) return undefined;
  const [left, right] = [unparen(e.left), unparen(e.right)];
  const constant = (x: ts.Expression) => isNullish(x) || ts.isNumericLiteral(x);
  return constant(left) && !constant(right) ? { subject: right, other: left, equal } : { subject: left, other: right, equal };
}

const isNullish = (e: ts.Expression) => e.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(e) && e.text === "undefined");
const isZero = (e: ts.Expression) => ts.isNumericLiteral(e) && Number(e.text) === 0;

/** The `const` header value that e names, if it does. */
function headerValue(facts: Facts, expr: ts.Expression): HeaderValue | undefined {
  const e = unwrap(expr);
  if (!ts.isIdentifier(e) || facts.types.get(e)?.kind !== "header") return undefined;
  const decl = facts.declarationOf(e);
  return decl && ts.isVariableDeclaration(decl) && isConstHeader(facts, decl) ? decl : undefined;
}

/** Whether decl declares a `const` header value (a name, not a pattern). */
export function isConstHeader(facts: Facts, decl: ts.VariableDeclaration): boolean {
  const constant = ts.isVariableDeclarationList(decl.parent) && !!(decl.parent.flags & ts.NodeFlags.Const);
  return constant && ts.isIdentifier(decl.name) && !!decl.initializer && facts.types.get(decl.initializer)?.kind === "header";
}

/** The Ethernet header value h of `h.vlanCount`, if e is that. */
function vlanCountOf(facts: Facts, expr: ts.Expression): HeaderValue | undefined {
  const e = unwrap(expr);
  if (!ts.isPropertyAccessExpression(e) || e.name.text !== "vlanCount") return undefined;
  const value = headerValue(facts, e.expression);
  const type = value && facts.types.get(value.initializer!);
  return type?.kind === "header" && protocolByTsName(type.proto)?.tags ? value : undefined;
}

/** The identifiers of the function around `value` that name it (its own name left out). */
export function usesOf(facts: Facts, value: HeaderValue): ts.Identifier[] {
  return referencesTo(facts, value);
}
