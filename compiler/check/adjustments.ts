// ctx.adjustHead/adjustTail/adjustMeta move the packet's bounds: headers and cursors taken before them point at stale bytes, and using one is an error.
import { ts } from "ts-morph";
import { messages } from "../diagnostics/catalogue.js";
import { int, BOOL, type TType } from "../types/types.js";
import type { CheckContext } from "./context.js";
import { checkAssignable } from "./expressions.js";

export const ADJUSTMENTS: Record<string, string> = { adjustHead: "xdp_adjust_head", adjustTail: "xdp_adjust_tail", adjustMeta: "xdp_adjust_meta" };

/** `ctx.adjustHead(delta)`: an i32 delta, true on success. Records where the adjustment is for the staleness check. */
export function checkAdjustment(cx: CheckContext, node: ts.CallExpression, name: string): TType | undefined {
  if (node.arguments.length !== 1) {
    cx.error(node, messages.callArguments(`ctx.${name}()`, "it takes one delta in bytes (an i32)"));
    return undefined;
  }
  if (!cx.currentFunction || !ts.isMethodDeclaration(cx.currentFunction)) {
    cx.error(node, messages.callArguments(`ctx.${name}()`, "it may only be called in a program's body, where the compiler can see which headers it makes stale"));
    return undefined;
  }
  return checkAssignable(cx, node.arguments[0]!, int("i32")) ? BOOL : undefined;
}

/** The adjustment calls of a function body, found before its statements are checked. */
export function findAdjustments(body: ts.Node): ts.CallExpression[] {
  const found: ts.CallExpression[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text in ADJUSTMENTS) found.push(n);
    ts.forEachChild(n, visit);
  };
  visit(body);
  return found;
}

const isLoop = (n: ts.Node) => ts.isForStatement(n) || ts.isForOfStatement(n) || ts.isWhileStatement(n) || ts.isDoStatement(n);
const contains = (outer: ts.Node, inner: ts.Node) => inner.pos >= outer.pos && inner.end <= outer.end;

/** The adjustment that may run between a header variable's declaration and this use of it, if any. */
function staleBy(cx: CheckContext, use: ts.Identifier, decl: ts.Node): ts.CallExpression | undefined {
  return cx.adjustments.find((a) => {
    if (contains(a, use) || a.pos < decl.end) return false;
    if (a.end <= use.pos) return true;
    // a later adjustment in a loop around both the use and the adjustment, but not the declaration, runs before the next use
    for (let n: ts.Node | undefined = a.parent; n && !ts.isFunctionLike(n); n = n.parent) {
      if (isLoop(n) && contains(n, use) && !contains(n, decl)) return true;
    }
    return false;
  });
}

/** Reports a use of a header or cursor variable that an adjustment has made stale. */
export function checkNotStale(cx: CheckContext, use: ts.Identifier, decl: ts.Node): boolean {
  const a = staleBy(cx, use, decl);
  if (!a) return true;
  const line = a.getSourceFile().getLineAndCharacterOfPosition(a.getStart()).line + 1;
  cx.error(use, messages.staleHeader(use.text, `${(a.expression as ts.PropertyAccessExpression).name.text}() on line ${line}`));
  return false;
}
