// Small syntax helpers shared by the checker and lowering.
import { ts } from "ts-morph";

/** The expression inside any number of parentheses. */
export function unparen(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  return e;
}

/** An expression without the parentheses and `!` assertions around it. */
export function unwrap(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
  return e;
}

/** A loop statement of the subset: for, for-of or while. */
export function isLoop(s: ts.Node): s is ts.ForStatement | ts.ForOfStatement | ts.WhileStatement {
  return ts.isForStatement(s) || ts.isForOfStatement(s) || ts.isWhileStatement(s);
}

/**
 * Whether n or a node below it is `found`; the search goes below a node only where `enter` allows (everywhere by
 * default), so a loop's own `break` can be told from a nested loop's.
 */
export function someNode(n: ts.Node, found: (n: ts.Node) => boolean, enter: (n: ts.Node) => boolean = () => true): boolean {
  if (found(n)) return true;
  return enter(n) && (ts.forEachChild(n, (c) => someNode(c, found, enter) || undefined) ?? false);
}

/** Whether n is the target of an assignment (`n = v`, `n += v`, ...). */
export function isAssigned(n: ts.Node): boolean {
  const p = n.parent;
  return ts.isBinaryExpression(p) && p.left === n && p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
}

/** The identifiers of the function around a variable (or of its file) that name it, its own name left out. */
export function referencesTo(names: { declarationOf(n: ts.Node): ts.Node | undefined }, decl: ts.VariableDeclaration): ts.Identifier[] {
  const scope = ts.findAncestor(decl, (n) => ts.isFunctionLike(n)) ?? decl.getSourceFile();
  const out: ts.Identifier[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && n !== decl.name && names.declarationOf(n) === decl) out.push(n);
    ts.forEachChild(n, visit);
  };
  visit(scope);
  return out;
}
