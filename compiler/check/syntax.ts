// Small syntax helpers shared by the checker and lowering.
import { ts } from "ts-morph";

/** The expression inside any number of parentheses. */
export function unparen(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  return e;
}
