// Header parses whose result nothing reads past: they may skip finding what follows (the next protocol, IPv6's extension walk).
import { mentions } from "../protocols/expr.js";
import { ts } from "ts-morph";
import type { FieldSpec, ProtocolSpec } from "../protocols/schema.js";
import type { CheckFacts } from "./facts.js";
import { isAssigned, referencesTo, unparen } from "./syntax.js";

type Names = Pick<CheckFacts, "declarationOf">;

/**
 * Whether a header parse (`eth.ipv4()`, `ctx.eth()?.ipv6()`) can leave out the work that only serves what lies past
 * its header: its result is only tested for presence, its own fields read or written, or its payload or options taken
 * (where no walk decides where it ends), either where it stands or through a `const` whose every use is such. A field
 * that reports what follows (`l4Protocol`, `extensionLength`) or an address setter that keeps an upper layer's
 * checksum needs that work; so does any other use (a child accessor, passing the header on, a `let`).
 */
export function parsedAlone(cx: Names, call: ts.CallExpression, p: ProtocolSpec): boolean {
  if (p.tags || (!p.nextSelector && !p.chain)) return false;
  const use = outermost(call);
  const decl = use.parent;
  if (ts.isVariableDeclaration(decl) && decl.initializer === use) {
    if (!ts.isVariableDeclarationList(decl.parent) || !(decl.parent.flags & ts.NodeFlags.Const) || !ts.isIdentifier(decl.name)) return false;
    return referencesTo(cx, decl).every((ref) => ownUse(ref, p));
  }
  return ownUse(call, p);
}

/** The node a value stands as, past parentheses and `!` assertions around it. */
function outermost(node: ts.Node): ts.Node {
  let n = node;
  while (ts.isParenthesizedExpression(n.parent) || ts.isNonNullExpression(n.parent)) n = n.parent;
  return n;
}

/** One use of the header: a presence test, or one of its own fields read or written. */
function ownUse(node: ts.Node, p: ProtocolSpec): boolean {
  const n = outermost(node);
  const parent = n.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.expression === n) {
    // a child accessor needs what follows; payload() and options() only where the header ends, unless a walk finds it
    if (ts.isCallExpression(parent.parent) && unparen(parent.parent.expression) === parent) return !p.chain && ["payload", "options"].includes(parent.name.text);
    const field = p.fields.find((f) => f.name === parent.name.text);
    return !!field && !readsPast(p, field) && !(isAssigned(parent) && p.pseudoHeader?.includes(field.name));
  }
  if (ts.isPrefixUnaryExpression(parent) && parent.operator === ts.SyntaxKind.ExclamationToken) return true;
  if ((ts.isIfStatement(parent) || ts.isWhileStatement(parent)) && parent.expression === n) return true;
  if (ts.isConditionalExpression(parent) && parent.condition === n) return true;
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind;
    const other = unparen(parent.left === n ? parent.right : parent.left);
    if (op === ts.SyntaxKind.AmpersandAmpersandToken && parent.left === n) return true; // `h && ...` is null or the right side
    const equality = [ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken, ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(op);
    return equality && (other.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(other) && other.text === "undefined"));
  }
  return false;
}

/** A field whose value depends on what follows the header: its next protocol, or (after a walk) where it ends. */
function readsPast(p: ProtocolSpec, f: FieldSpec): boolean {
  if (!("expr" in f.read)) return false;
  const expr = f.read.expr;
  return mentions(expr, "nextProto") || (!!p.chain && mentions(expr, "length")) || p.fields.some((g) => g !== f && mentions(expr, { field: g.name }) && readsPast(p, g));
}
