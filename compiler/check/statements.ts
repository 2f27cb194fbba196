// Checks the statements of function and program bodies.
import { ts } from "ts-morph";
import { messages } from "../diagnostics/catalogue.js";
import { assignError } from "../types/assign.js";
import { defaultIntFor, fits, isIntName, type IntName } from "../types/int-types.js";
import { constant, int, sameType, typeName, type TType } from "../types/types.js";
import type { CheckContext } from "./context.js";
import { constRange } from "../types/assign.js";
import { checkAssignable, checkCondition, checkExpr, inCaseScope } from "./expressions.js";
import { typeFromNode } from "./type-nodes.js";
import { constantOf } from "./constants.js";
import { checkFor, checkForOf, checkWhile } from "./loops.js";
import { unparen } from "./syntax.js";
import { unsupported } from "./unsupported.js";
import { checkBytesCopy, isBytesCopy } from "./raw-reads.js";
import { fieldOf, protocolByTsName } from "../protocols/index.js";
import { isWritable } from "../protocols/emit-setters.js";
import { checkKnownSwitch, checkSelfAssignment } from "./redundancy.js";

const K = ts.SyntaxKind;

export function checkBlock(cx: CheckContext, block: ts.Block, returns: TType): void {
  for (const s of block.statements) checkStatement(cx, s, returns);
}

function checkStatement(cx: CheckContext, node: ts.Statement, returns: TType): void {
  if (ts.isBlock(node)) return checkBlock(cx, node, returns);
  if (ts.isVariableStatement(node)) return variableStatement(cx, node);
  if (ts.isIfStatement(node)) {
    checkCondition(cx, node.expression);
    checkStatement(cx, node.thenStatement, returns);
    if (node.elseStatement) checkStatement(cx, node.elseStatement, returns);
    return;
  }
  if (ts.isReturnStatement(node)) {
    if (node.expression) checkAssignable(cx, node.expression, returns);
    return;
  }
  if (ts.isExpressionStatement(node)) return expressionStatement(cx, unparen(node.expression));
  if (ts.isEmptyStatement(node)) return;
  const body = (s: ts.Statement) => checkStatement(cx, s, returns);
  if (ts.isForStatement(node)) return checkFor(cx, node, body, (e) => assignment(cx, e));
  if (ts.isForOfStatement(node)) return checkForOf(cx, node, body);
  if (ts.isWhileStatement(node)) return checkWhile(cx, node, body);
  if (ts.isSwitchStatement(node)) return checkSwitch(cx, node, body);
  if ((ts.isBreakStatement(node) || ts.isContinueStatement(node)) && !node.label) return;
  cx.error(node, unsupported(node));
}

function variableStatement(cx: CheckContext, node: ts.VariableStatement): void {
  const list = node.declarationList;
  const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
  if (!isConst && (list.flags & ts.NodeFlags.Let) === 0) {
    cx.error(node, messages.unsupportedSyntax("`var`", "use `const` or `let`"));
    return;
  }
  for (const decl of list.declarations) {
    if (!ts.isIdentifier(decl.name)) {
      cx.error(decl.name, messages.unsupportedSyntax("destructuring"));
      continue;
    }
    if (!decl.initializer) {
      cx.error(decl, messages.unsupportedSyntax("variables without an initial value", "give it one"));
      continue;
    }
    const type = declaredType(cx, decl, decl.initializer, isConst) ?? { kind: "error" };
    cx.bindings.set(decl, { kind: "local", cName: cx.localName(decl.name.text), type, mutable: !isConst });
  }
}

/** The type of a local: its annotation, or the initialiser's (an untyped constant defaults to u32/u64/i32/i64 in a `let`). */
function declaredType(cx: CheckContext, decl: ts.VariableDeclaration, init: ts.Expression, isConst: boolean): TType | undefined {
  if (isBytesCopy(cx, init)) {
    const t = checkBytesCopy(cx, init);
    const annotated = decl.type ? typeFromNode(cx, decl.type) : undefined;
    if (t && annotated && !sameType(t, annotated)) cx.error(decl.type!, messages.typeMismatch(typeName(t), typeName(annotated)));
    return t;
  }
  if (decl.type) {
    const t = typeFromNode(cx, decl.type);
    if (t) checkAssignable(cx, init, t);
    return t;
  }
  const t = checkExpr(cx, init);
  if (!t) return undefined;
  if (t.kind === "array") {
    cx.error(init, messages.arrayValue());
    return undefined;
  }
  if (t.kind === "ref" && !isConst) {
    cx.error(decl, messages.refInLet());
    return undefined;
  }
  if (t.kind === "null" || t.kind === "void") {
    cx.error(decl, messages.missingType(`'${decl.name.getText()}'`));
    return undefined;
  }
  if (t.kind === "const" && !(isConst && t.other === undefined)) {
    const [lo, hi] = constRange(t);
    const name = defaultIntFor(lo, hi);
    if (!name) cx.error(init, messages.literalRange(String(lo < 0n ? lo : hi), "any integer type"));
    return name ? int(name) : undefined;
  }
  return t;
}

function expressionStatement(cx: CheckContext, e: ts.Expression): void {
  if (ts.isBinaryExpression(e) && e.operatorToken.kind >= K.FirstAssignment && e.operatorToken.kind <= K.LastAssignment) {
    assignment(cx, e);
    return;
  }
  if (ts.isCallExpression(e)) {
    const t = checkExpr(cx, e);
    if (t?.kind === "int" && ts.isIdentifier(unparen(e.expression)) && isIntName((unparen(e.expression) as ts.Identifier).text)) cx.error(e, messages.noEffect());
    return;
  }
  if ((ts.isPrefixUnaryExpression(e) || ts.isPostfixUnaryExpression(e)) && (e.operator === K.PlusPlusToken || e.operator === K.MinusMinusToken)) {
    incrementDecrement(cx, e);
    return;
  }
  cx.error(e, messages.unsupportedSyntax("expression statements other than calls and assignments"));
}

/** `i++`, `--i` as statements: the operand is a local integer `let`, and wraps at its width. */
function incrementDecrement(cx: CheckContext, e: ts.PrefixUnaryExpression | ts.PostfixUnaryExpression): void {
  const operand = unparen(e.operand);
  const decl = ts.isIdentifier(operand) ? cx.declarationOf(operand) : undefined;
  const binding = decl && cx.bindings.get(decl);
  if (!binding || !binding.mutable) {
    cx.error(e.operand, messages.assignmentTarget());
    return;
  }
  if (binding.type.kind !== "int") {
    cx.error(e, messages.operandType(ts.tokenToString(e.operator)!, typeName(binding.type)));
    return;
  }
  cx.record(operand, binding.type);
  cx.record(e, binding.type);
}

function isOwnEnumMember(cx: CheckContext, e: ts.Expression): boolean {
  const u = unparen(e);
  return ts.isPropertyAccessExpression(u) && ts.isIdentifier(u.expression) && cx.enums.has(u.expression.text);
}

/** A member of the probe's own enum labels a case of an integer switch when its value fits the switch's type. */
function caseFromEnum(cx: CheckContext, e: ts.Expression, type: IntName): void {
  const t = checkExpr(cx, e);
  const u = unparen(e) as ts.PropertyAccessExpression;
  const value = cx.enums.get((u.expression as ts.Identifier).text)?.values.get(u.name.text);
  if (t?.kind === "enum" && value !== undefined && !fits(value, type)) cx.error(e, messages.literalRange(String(value), type));
  if (value !== undefined) cx.record(e, constant(value));
}

/** `switch` on an integer or enum: case labels are constants of that type; each case is a scope of its own in C. */
function checkSwitch(cx: CheckContext, node: ts.SwitchStatement, body: (s: ts.Statement) => void): void {
  const t = checkExpr(cx, node.expression);
  if (t && t.kind !== "int" && t.kind !== "enum") cx.error(node.expression, messages.typeMismatch(typeName(t), "integer or enum to switch on"));
  else if (t) checkKnownSwitch(cx, node.expression);
  const labels = new Map<bigint, ts.Expression>();
  for (const clause of node.caseBlock.clauses) {
    if (ts.isCaseClause(clause)) {
      if (t?.kind === "int" && isOwnEnumMember(cx, clause.expression)) caseFromEnum(cx, clause.expression, t.name);
      else if (t && (t.kind === "int" || t.kind === "enum")) checkAssignable(cx, clause.expression, t);
      else checkExpr(cx, clause.expression);
      const isConstant = constantOf(cx, clause.expression) !== undefined || cx.types.get(clause.expression)?.kind === "enum";
      if (!isConstant) cx.error(clause.expression, messages.caseNotConstant());
      else checkDistinctLabel(cx, clause.expression, labels);
    }
    clause.statements.forEach(body);
  }
}

/** C rejects two case labels of one value (TypeScript accepts them: the second is unreachable). */
function checkDistinctLabel(cx: CheckContext, label: ts.Expression, labels: Map<bigint, ts.Expression>): void {
  const enumValue = cx.checker.getConstantValue(unparen(label) as ts.PropertyAccessExpression);
  const value = constantOf(cx, label) ?? (typeof enumValue === "number" ? BigInt(enumValue) : undefined);
  if (value === undefined) return;
  const first = labels.get(value);
  if (!first) {
    labels.set(value, label);
    return;
  }
  const line = first.getSourceFile().getLineAndCharacterOfPosition(first.getStart()).line + 1;
  cx.error(label, messages.duplicateCase(label.getText(), String(value), line));
}

const COMPOUND: Partial<Record<ts.SyntaxKind, ts.BinaryOperator>> = {
  [K.PlusEqualsToken]: K.PlusToken, [K.MinusEqualsToken]: K.MinusToken, [K.AsteriskEqualsToken]: K.AsteriskToken,
  [K.SlashEqualsToken]: K.SlashToken, [K.PercentEqualsToken]: K.PercentToken, [K.AmpersandEqualsToken]: K.AmpersandToken,
  [K.BarEqualsToken]: K.BarToken, [K.CaretEqualsToken]: K.CaretToken, [K.LessThanLessThanEqualsToken]: K.LessThanLessThanToken,
  [K.GreaterThanGreaterThanEqualsToken]: K.GreaterThanGreaterThanToken,
};

/** The operator a compound assignment applies (`+=` → `+`), or undefined for `=`. */
export function compoundOperator(kind: ts.SyntaxKind): ts.BinaryOperator | undefined {
  return COMPOUND[kind];
}

/** The variable at the root of `x` or `x.a.b` (a struct field), if that is what an assignment writes. */
function assignedRoot(target: ts.Expression): ts.Identifier | undefined {
  let t = unparen(target);
  while ((ts.isPropertyAccessExpression(t) && !t.questionDotToken) || (ts.isElementAccessExpression(t) && !t.questionDotToken)) t = unparen(t.expression);
  return ts.isIdentifier(t) ? t : undefined;
}

function assignment(cx: CheckContext, e: ts.BinaryExpression): void {
  const target = unparen(e.left);
  const root = assignedRoot(target);
  const decl = root ? cx.declarationOf(root) : undefined;
  const binding = decl && cx.bindings.get(decl);
  if (binding?.type.kind === "header" && ts.isPropertyAccessExpression(target) && target.expression === root) return headerFieldAssignment(cx, e, target, binding.type);
  // ctx.raw.mark = v: the context's writable fields (runtime-types marks the others readonly)
  const throughContext = binding?.type.kind === "context" && isRawField(target, root!);
  const throughRef = (binding?.type.kind === "ref" && target !== root) || throughContext;
  if (!binding || !(binding.mutable || throughRef) || (target !== root && binding.type.kind !== "struct" && binding.type.kind !== "array" && !throughRef) || (target === root && binding.type.kind === "array")) {
    cx.error(target, messages.assignmentTarget());
    return;
  }
  if (!inCaseScope(cx, root!, decl!)) return;
  const targetType = target === root ? binding.type : checkExpr(cx, target);
  if (!targetType) return;
  cx.record(target, targetType);
  const op = e.operatorToken.kind;
  if (op === K.EqualsToken) {
    if (checkAssignable(cx, e.right, targetType)) checkSelfAssignment(cx, e);
    return;
  }
  if (!compoundOperator(op)) {
    cx.error(e.operatorToken, messages.unsupportedOperator(e.operatorToken.getText()));
    return;
  }
  // x op= y is checked as x = x op y, on a synthetic view of the same nodes.
  const result = checkCompound(cx, e, compoundOperator(op)!);
  if (!result) return;
  const error = assignError(result, targetType);
  if (error) cx.error(e, error);
  else cx.record(e, targetType);
}

/** `ctx.raw.x`, `ctx.raw.x[i]` or `ctx.mark`. */
function isRawField(target: ts.Expression, root: ts.Identifier): boolean {
  let t = target;
  if (ts.isPropertyAccessExpression(t) && unparen(t.expression) === root) return true; // readonly shortcuts are TypeScript's to reject
  if (ts.isElementAccessExpression(t)) t = unparen(t.expression);
  if (!ts.isPropertyAccessExpression(t)) return false;
  const raw = unparen(t.expression);
  return ts.isPropertyAccessExpression(raw) && raw.name.text === "raw" && unparen(raw.expression) === root;
}

/** `ip.ttl = v`, `tcp.syn = true`: a header field written in network order, its checksums kept valid. */
function headerFieldAssignment(cx: CheckContext, e: ts.BinaryExpression, target: ts.PropertyAccessExpression, header: TType & { kind: "header" }): void {
  const proto = protocolByTsName(header.proto)!;
  const field = fieldOf(proto, target.name.text);
  if (cx.currentKind?.packet === "copy") {
    cx.error(target, messages.readOnlyPacket(`@${cx.currentKind.decorator}`));
    return;
  }
  if (!field || !isWritable(proto, field)) {
    cx.error(target, messages.assignmentTarget()); // runtime-types marks these readonly, so TypeScript has said why
    return;
  }
  if (!checkExpr(cx, target)) return;
  const fieldType = cx.types.get(target)!;
  cx.usedSetters.add(`${proto.name}.${field.name}`);
  const op = e.operatorToken.kind;
  if (op === K.EqualsToken) {
    checkAssignable(cx, e.right, fieldType);
    return;
  }
  const result = compoundOperator(op) && checkCompound(cx, e, compoundOperator(op)!);
  if (!compoundOperator(op)) cx.error(e.operatorToken, messages.unsupportedOperator(e.operatorToken.getText()));
  if (!result) return;
  const error = assignError(result, fieldType);
  if (error) cx.error(e, error);
  else cx.record(e, fieldType);
}

function checkCompound(cx: CheckContext, e: ts.BinaryExpression, op: ts.BinaryOperator): TType | undefined {
  const synthetic = ts.factory.createBinaryExpression(e.left, op, e.right);
  ts.setTextRange(synthetic, e);
  (synthetic as { parent?: ts.Node }).parent = e.parent;
  (synthetic.operatorToken as { parent?: ts.Node }).parent = synthetic;
  ts.setTextRange(synthetic.operatorToken, e.operatorToken);
  const t = checkExpr(cx, synthetic);
  if (t) cx.compoundViews.set(e, synthetic);
  if (t && t.kind !== "int" && t.kind !== "const") cx.error(e, messages.operandType(e.operatorToken.getText(), typeName(t)));
  return t;
}
