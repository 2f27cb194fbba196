// An Ethernet header whose program refuses tagged frames before anything depends on the tags is parsed without walking them.
import { ts } from "ts-morph";
import type { CheckFacts } from "../check/facts.js";
import { unparen } from "../check/syntax.js";
import { protocolByTsName } from "../protocols/index.js";
import { isConstHeader, knownAt, learnt, usesOf, type HeaderValue } from "./access-form.js";
import { isPureCall } from "./raw-runs.js";

type Facts = Pick<CheckFacts, "declarationOf" | "types" | "isAmbient">;

/**
 * Whether `call` (`ctx.eth()`) may parse its Ethernet header without walking VLAN tags (emit-parsers.ts, UNTAGGED):
 * a tagged frame then gives a header whose `vlanCount` is 1, with nothing after it (its children are null), and a
 * frame of 14 to 21 bytes whose tags run past its end gives a header where the walk would give none. That is
 * the same program when the header is a `const` and every use of it, and of the headers and cursors taken from it
 * through `const`s, stands either
 * - where the form (access-form.ts) knows the frame untagged: there both parses give the same header; or
 * - in the test of an `if` that is an `||` of terms without effects, one of them `eth.vlanCount != 0` (or `> 0`),
 *   at or before that term: on a tagged frame the test holds either way (the tag term does, if it is reached), and on
 *   an untagged one nothing differs (and likewise in an `&&` with `eth.vlanCount == 0`, which fails on a tagged frame);
 * or it is an accessor taking a header or cursor from it into a `const` (whose uses are held to the same rule), or a
 * plain read or write of one of its own fixed fields (the MAC addresses, which lie where they lie either way).
 * The C walks the tags only to find what lies past them; a program that refuses tagged frames pays for three paths
 * (0, 1 or 2 tags) where it needs one (ipip-encap: 169 verifier steps with the walk, 122 without).
 */
export function refusesTags(facts: Facts, call: ts.CallExpression): boolean {
  const eth = declaredBy(call);
  if (!eth || !isConstHeader(facts, eth)) return false;
  const values: HeaderValue[] = [eth];
  for (let i = 0; i < values.length; i++) {
    for (const use of usesOf(facts, values[i]!)) {
      if (values[i] === eth && ownFixedField(facts, use)) continue;
      if (knownAt(facts, use).untagged.has(eth)) continue;
      if (beforeTagTest(facts, use, eth)) continue;
      const taken = takenInto(facts, use);
      if (!taken) return false;
      values.push(taken);
    }
  }
  return true;
}

/** The variable a value is declared as, when it is the whole initializer of one. */
function declaredBy(value: ts.Node): ts.VariableDeclaration | undefined {
  let n = value;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const decl = n.parent;
  return ts.isVariableDeclaration(decl) && decl.initializer === n ? decl : undefined;
}

/** `eth.src`, `eth.dst = m`: a field at a fixed place of the header, reached without `?.` or `!`. */
function ownFixedField(facts: Facts, use: ts.Identifier): boolean {
  const parent = use.parent;
  if (!ts.isPropertyAccessExpression(parent) || parent.expression !== use || parent.questionDotToken) return false;
  if (ts.isCallExpression(parent.parent) && parent.parent.expression === parent) return false;
  const type = facts.types.get(use);
  const p = type?.kind === "header" ? protocolByTsName(type.proto) : undefined;
  const field = p?.fields.find((f) => f.name === parent.name.text);
  return !!p && !!field && "at" in field.read && typeof field.read.at === "number" && field.read.at + field.read.width <= p.minLength;
}

/** `h.ipv4()`, `h?.ipv6()?.udp()`, `h.payload()`: a chain of accessors from the use, declared whole as a `const`. */
function takenInto(facts: Facts, use: ts.Identifier): HeaderValue | undefined {
  let n: ts.Node = use;
  for (;;) {
    const p = n.parent;
    if (ts.isParenthesizedExpression(p) || ts.isNonNullExpression(p)) n = p;
    else if (ts.isPropertyAccessExpression(p) && p.expression === n && ts.isCallExpression(p.parent) && p.parent.expression === p && p.parent.arguments.length === 0 && facts.types.get(p.parent)?.kind === "header") n = p.parent;
    else break;
  }
  const decl = n === use ? undefined : declaredBy(n);
  return decl && isConstHeader(facts, decl) ? decl : undefined;
}

/**
 * Whether `use` stands in a term of an `if`'s test at or before the term that tests `eth` for tags, every term up to
 * it without effects: an `||` of terms with one that holds on every tagged frame (`eth.vlanCount != 0`: the form
 * learns the frame untagged where it fails), or an `&&` of terms with one that fails on every tagged frame
 * (`eth.vlanCount == 0`: learnt untagged where it holds). Either way a tagged frame takes the same branch with both
 * parses, whose tag counts (the walk's, or 1) are both not 0.
 */
function beforeTagTest(facts: Facts, use: ts.Node, eth: HeaderValue): boolean {
  let n: ts.Node = use;
  while (ts.isExpression(n.parent) || ts.isQuestionDotToken(n.parent)) n = n.parent;
  const test = n.parent;
  if (!ts.isIfStatement(test) || test.expression !== n) return false;
  return ([[ts.SyntaxKind.BarBarToken, false], [ts.SyntaxKind.AmpersandAmpersandToken, true]] as const).some(([op, untaggedWhen]) => {
    const terms = chain(test.expression, op);
    const tagTerm = terms.findIndex((t) => learnt(facts, t, untaggedWhen).untagged.has(eth));
    const at = terms.findIndex((t) => t.pos <= use.pos && use.end <= t.end);
    return tagTerm >= 0 && at >= 0 && at <= tagTerm && terms.slice(0, tagTerm + 1).every((t) => withoutEffects(facts, t));
  });
}

/** The terms of an `||` or `&&` chain, in the order they are evaluated. */
function chain(e: ts.Expression, op: ts.SyntaxKind): ts.Expression[] {
  const x = unparen(e);
  return ts.isBinaryExpression(x) && x.operatorToken.kind === op ? [...chain(x.left, op), ...chain(x.right, op)] : [x];
}

/**
 * Whether evaluating e can do nothing but give a value: no assignment, no call but header accessors and ambient
 * functions without effects (a raw read may end the program, a map or helper call has effects of its own).
 */
function withoutEffects(facts: Facts, e: ts.Node): boolean {
  if (ts.isBinaryExpression(e) && e.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && e.operatorToken.kind <= ts.SyntaxKind.LastAssignment) return false;
  if ((ts.isPrefixUnaryExpression(e) || ts.isPostfixUnaryExpression(e)) && (e.operator === ts.SyntaxKind.PlusPlusToken || e.operator === ts.SyntaxKind.MinusMinusToken)) return false;
  if (ts.isCallExpression(e)) {
    const callee = unparen(e.expression);
    const accessor = ts.isPropertyAccessExpression(callee) && e.arguments.length === 0 && facts.types.get(e)?.kind === "header";
    if (!accessor && !isPureCall(facts, e)) return false;
  } else if (ts.isTypeNode(e)) {
    return true;
  } else if (!ts.isExpression(e) && !ts.isToken(e) && !ts.isIdentifier(e)) {
    return false;
  } else if (ts.isNewExpression(e) || ts.isTaggedTemplateExpression(e) || ts.isDeleteExpression(e) || ts.isFunctionLike(e)) {
    return false;
  }
  return ts.forEachChild(e, (c) => (withoutEffects(facts, c) ? undefined : true)) === undefined;
}
