// Whether a child header needs a pointer of its own: only when its parent is read again, in a program whose states matter.
import { ts } from "ts-morph";
import type { LowerInput } from "../check/index.js";
import { isLoop, someNode, unwrap } from "../check/syntax.js";
import type { LowerContext } from "./context.js";

/**
 * Estimated verifier steps (check/cost.ts) below which a loop-free file's children start from their parent's own
 * pointer even where the parent is read again: the parent's states that a child's checks set apart (its range proven
 * or not) are few and walk a short program, which costs less than the pointer of its own costs instructions.
 */
export const FEW_STEPS = 20_000;

/** Whether the child that `use` takes from `receiver` needs a pointer of its own (tsbpf_fresh; see CHAINED). */
export function childNeedsOwnPointer(lx: LowerContext, receiver: ts.Expression, use: ts.Node): boolean {
  if (ts.isCallExpression(unwrap(receiver)) || readsEndAt(lx, receiver, use)) return false;
  return !statesAreFew(lx);
}

/** Whether the probe has no loop and every program's estimate is at most FEW_STEPS. */
export function statesAreFew(lx: LowerContext): boolean {
  return (lx.few ??= !filesHaveLoops(lx.checked) && [...lx.checked.costs.values()].every((c) => c.steps <= FEW_STEPS));
}

/** Whether a file with one of the probe's programs has a loop anywhere. */
export function filesHaveLoops(checked: LowerInput): boolean {
  return [...new Set(checked.programs.map((p) => p.node.getSourceFile()))].some((file) => someNode(file, isLoop));
}

/**
 * True when `receiver` is a variable that nothing reads after `use` is evaluated: no reference to it stands after
 * `use` in the function, and no loop around `use` runs again with the same variable (one declared outside it).
 * Structured control flow makes this exact enough: within one trip, a later reference is one written later.
 */
export function readsEndAt(lx: LowerContext, receiver: ts.Expression, use: ts.Node): boolean {
  const variable = unwrap(receiver);
  if (!ts.isIdentifier(variable)) return false;
  const decl = lx.facts.declarationOf(variable);
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
    if (ts.isIdentifier(n) && n !== variable && n !== decl.name && lx.facts.declarationOf(n) === decl) {
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
