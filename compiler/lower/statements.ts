// Lowers statements; every C statement keeps the TypeScript line it came from.
import { ts } from "ts-morph";
import { binary, id, type CStmt } from "../c/ast.js";
import { compoundOperator } from "../check/statements.js";
import type { TType } from "../types/types.js";
import { cType } from "./c-types.js";
import type { LowerContext } from "./context.js";
import { arithmetic, lowerAs, lowerTest } from "./expressions.js";

export function lowerBlock(lx: LowerContext, block: ts.Block, returns: TType): CStmt[] {
  return block.statements.flatMap((s) => lowerStatement(lx, s, returns));
}

function lowerStatement(lx: LowerContext, node: ts.Statement, returns: TType): CStmt[] {
  const at = lx.at(node);
  if (ts.isBlock(node)) return [{ k: "block", body: lowerBlock(lx, node, returns), at }];
  if (ts.isVariableStatement(node)) return node.declarationList.declarations.flatMap((d) => declaration(lx, d));
  if (ts.isIfStatement(node)) {
    const branch = (s: ts.Statement) => (ts.isBlock(s) ? lowerBlock(lx, s, returns) : lowerStatement(lx, s, returns));
    return [{ k: "if", test: lowerTest(lx, node.expression), then: branch(node.thenStatement), else: node.elseStatement ? branch(node.elseStatement) : undefined, at }];
  }
  if (ts.isReturnStatement(node)) return [{ k: "return", value: node.expression ? lowerAs(lx, node.expression, returns) : undefined, at }];
  if (ts.isExpressionStatement(node)) return [{ k: "expr", expr: expressionStatement(lx, node.expression), at }];
  throw new Error(`internal: cannot lower ${ts.SyntaxKind[node.kind]}`);
}

function declaration(lx: LowerContext, decl: ts.VariableDeclaration): CStmt[] {
  const binding = lx.bindingOfDecl(decl)!;
  if (binding.type.kind === "const") return []; // an untyped local constant is substituted where it is used
  return [{ k: "decl", type: cType(binding.type), name: binding.cName, init: lowerAs(lx, decl.initializer!, binding.type), at: lx.at(decl) }];
}

function expressionStatement(lx: LowerContext, e: ts.Expression) {
  if (ts.isBinaryExpression(e) && ts.isIdentifier(e.left) && e.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && e.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
    const binding = lx.bindingOf(e.left)!;
    const target = id(binding.cName);
    const op = compoundOperator(e.operatorToken.kind);
    if (!op) return binary("=", target, lowerAs(lx, e.right, binding.type));
    const view = lx.checked.cx.compoundViews.get(e)!;
    const type = lx.typeOf(view);
    const resultType = type.kind === "int" ? type.name : (binding.type as { name: "u32" }).name;
    const right = lowerAs(lx, e.right, ts.isBinaryExpression(view) && (op === ts.SyntaxKind.LessThanLessThanToken || op === ts.SyntaxKind.GreaterThanGreaterThanToken) ? lx.typeOf(e.right) : { kind: "int", name: resultType });
    return binary("=", target, arithmetic(lx, op, resultType, target, right, lx.typeOf(e.right)));
  }
  return lowerAs(lx, e);
}
