// The constructs outside the subset, each with its diagnostic. Anything the checker does not handle falls back to TSBPF1000.
import { ts } from "ts-morph";
import { messages, type MessageTemplate } from "../diagnostics/catalogue.js";

const K = ts.SyntaxKind;

const TABLE: Partial<Record<ts.SyntaxKind, () => MessageTemplate>> = {
  [K.ForInStatement]: () => messages.unprovenLoop("`for...in` walks object keys, which BPF programs do not have; use `for (const i of range(a, b))`"),
  [K.DoStatement]: () => messages.unprovenLoop("`do...while` is not supported; use `for` or `while (i < N)`"),
  [K.TryStatement]: messages.exceptions,
  [K.ThrowStatement]: messages.exceptions,
  [K.ArrowFunction]: messages.closure,
  [K.FunctionDeclaration]: messages.closure,
  [K.ClassDeclaration]: () => messages.unsupportedSyntax("classes inside functions"),
  [K.InterfaceDeclaration]: () => messages.unsupportedSyntax("type declarations inside functions", "declare types at module level"),
  [K.TypeAliasDeclaration]: () => messages.unsupportedSyntax("type declarations inside functions", "declare types at module level"),
  [K.FunctionExpression]: messages.closure,
  [K.ClassExpression]: () => messages.unsupportedSyntax("class expressions"),
  [K.ThisKeyword]: messages.thisKeyword,
  [K.SuperKeyword]: messages.thisKeyword,
  [K.NewExpression]: messages.newExpression,
  [K.StringLiteral]: messages.stringValue,
  [K.NoSubstitutionTemplateLiteral]: messages.stringValue,
  [K.TemplateExpression]: messages.stringValue,
  [K.TaggedTemplateExpression]: messages.stringValue,
  [K.ArrayLiteralExpression]: messages.arrays,
  [K.ElementAccessExpression]: messages.arrays,
  [K.ObjectLiteralExpression]: messages.objectLiteral,
  [K.SpreadElement]: () => messages.unsupportedSyntax("spread and rest"),
  [K.AwaitExpression]: messages.asyncCode,
  [K.YieldExpression]: messages.asyncCode,
  [K.NonNullExpression]: messages.nonNullAssertion,
  [K.DeleteExpression]: () => messages.unsupportedSyntax("`delete`"),
  [K.TypeOfExpression]: () => messages.unsupportedSyntax("`typeof`"),
  [K.VoidExpression]: () => messages.unsupportedSyntax("`void`"),
  [K.LabeledStatement]: () => messages.unsupportedSyntax("labels", "restructure the loop, or move it into a function and return"),
  [K.WithStatement]: () => messages.unsupportedSyntax("`with`"),
  [K.DebuggerStatement]: () => messages.unsupportedSyntax("`debugger`"),
  [K.RegularExpressionLiteral]: messages.stringValue,
  [K.BigIntLiteral]: () => messages.unsupportedSyntax("bigint literals", "write a plain integer; u64 holds 64 bits"),
  [K.MetaProperty]: () => messages.unsupportedSyntax("meta properties"),
  [K.CommaListExpression]: () => messages.unsupportedSyntax("the comma operator"),
};

/** The diagnostic for a construct outside the subset; a named one when we know it, a generic one otherwise. */
export function unsupported(node: ts.Node): MessageTemplate {
  const specific = TABLE[node.kind];
  if (specific) return specific();
  if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node) || ts.isSatisfiesExpression(node)) {
    const target = node.type.getText();
    return messages.typeAssertion(/^[ui](8|16|32|64)$/.test(target) ? target : "u32");
  }
  if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && (node.operator === K.PlusPlusToken || node.operator === K.MinusMinusToken)) {
    return messages.incrementDecrement();
  }
  return messages.unsupportedSyntax(describe(node));
}

function describe(node: ts.Node): string {
  const name = ts.SyntaxKind[node.kind]!.replace(/(Statement|Expression|Declaration)$/, "");
  return `${name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()} syntax`;
}
