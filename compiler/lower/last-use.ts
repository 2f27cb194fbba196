// Whether a header variable is read again after an accessor takes its child: if not, the child needs no pointer of its own.
import { ts } from "ts-morph";
import { unwrap } from "../check/syntax.js";
import type { LowerContext } from "./context.js";

/**
 * True when `receiver` is a variable that nothing reads after `use` is evaluated: no reference to it stands after
 * `use` in the function, and no loop around `use` runs again with the same variable (one declared outside it).
 * Structured control flow makes this exact enough: within one trip, a later reference is one written later.
 */
export function readsEndAt(lx: LowerContext, receiver: ts.Expression, use: ts.Node): boolean {
  const variable = unwrap(receiver);
  if (!ts.isIdentifier(variable)) return false;
  const decl = lx.checked.cx.declarationOf(variable);
  if (!decl || !ts.isVariableDeclaration(decl)) return false;
  const body = enclosingFunction(use);
  if (!body) return false;
  // a loop around the use that the variable outlives runs the use itself again
  for (let n = use.parent; n && n !== body; n = n.parent) {
    if (ts.isIterationStatement(n, false) && !(decl.pos >= n.pos && decl.end <= n.end)) return false;
  }
  let readAgain = false;
  const visit = (n: ts.Node): void => {
    if (readAgain) return;
    if (ts.isIdentifier(n) && n !== variable && n !== decl.name && lx.checked.cx.declarationOf(n) === decl) {
      if (n.getStart() >= use.end) readAgain = true;
      return;
    }
    n.forEachChild(visit);
  };
  visit(body);
  return !readAgain;
}

function enclosingFunction(n: ts.Node): ts.Node | undefined {
  for (let p = n.parent; p; p = p.parent) if (ts.isFunctionLike(p)) return p;
  return undefined;
}
