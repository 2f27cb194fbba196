// Checks a probe's module level: constants, helper functions and the classes that hold programs.
import { ts } from "ts-morph";
import { messages } from "../diagnostics/catalogue.js";
import { typeName, type TType } from "../types/types.js";
import type { CheckContext } from "./context.js";
import { checkAssignable, checkExpr } from "./expressions.js";
import { constantOf } from "./constants.js";
import { declareEnum } from "./enums.js";
import { isStructDeclaration } from "./structs.js";
import { isPlainIdentifier, isReservedInC, isRuntimeSymbol, MAX_OBJECT_NAME, objectCName } from "./names.js";
import { programOptions, type ProgramOptions } from "./program-options.js";
import type { ProgramKind } from "../programs/kinds.js";
import { typeFromNode } from "./type-nodes.js";
import { declareMap, mapKindOf } from "./maps.js";
import { declareConfig, isConfigCall } from "./config.js";

export interface ProgramDecl extends ProgramOptions {
  /** The method name: the program's ELF symbol. */
  name: string;
  className: string;
  node: ts.MethodDeclaration;
}

export interface ModuleDecls {
  programs: ProgramDecl[];
  functions: ts.FunctionDeclaration[];
  constants: ts.VariableDeclaration[];
}

/** First pass: declares every module-level name so bodies can refer to them in any order. */
export function collectModule(cx: CheckContext, file: ts.SourceFile, opts: { imported?: boolean } = {}): ModuleDecls {
  const out: ModuleDecls = { programs: [], functions: [], constants: [] };
  if (!opts.imported) reserveProgramNames(cx, file);
  reserveObjectNames(cx, file);
  for (const s of file.statements) {
    if (ts.isFunctionDeclaration(s)) declareFunction(cx, s, out);
    else if (ts.isClassDeclaration(s)) {
      if (opts.imported) cx.error(s, messages.importedProgram());
      else declareClass(cx, s, out);
    }
    else if (ts.isVariableStatement(s)) declareConstants(cx, s, out);
    else if (ts.isImportDeclaration(s) || ts.isImportEqualsDeclaration(s)) checkImport(cx, s);
    else if (ts.isEmptyStatement(s) || isStructDeclaration(s)) continue;
    else if (ts.isEnumDeclaration(s)) {
      if (!shadowsRuntime(cx, s.name)) declareEnum(cx, s);
    }
    else cx.error(s, messages.topLevelStatement(describeTopLevel(s)));
  }
  return out;
}

/** Program names are ELF symbols and BTF function names: kept exactly, so they must be plain C identifiers. */
function reserveProgramNames(cx: CheckContext, file: ts.SourceFile): void {
  for (const s of file.statements) {
    if (!ts.isClassDeclaration(s)) continue;
    for (const m of s.members) {
      if (!ts.isMethodDeclaration(m) || !ts.isIdentifier(m.name)) continue;
      const name = m.name.text;
      if (!isPlainIdentifier(name) || isReservedInC(name)) cx.error(m.name, messages.programName(name));
      else if (name.length > MAX_OBJECT_NAME) cx.error(m.name, messages.nameTooLong("program", name.length, MAX_OBJECT_NAME));
      cx.names.reserveGlobal(name);
    }
  }
}

/**
 * Map and config names are ELF symbols too (the loader finds them by name): reserved exactly, before other names are handed out.
 * Their C identifiers are tsbpf's own (objectCName), so a C keyword or library name is fine; a runtime symbol is not.
 */
function reserveObjectNames(cx: CheckContext, file: ts.SourceFile): void {
  for (const s of file.statements) {
    if (!ts.isVariableStatement(s)) continue;
    for (const d of s.declarationList.declarations) {
      if (!ts.isIdentifier(d.name) || !d.initializer) continue;
      const what = mapKindOf(cx, d.initializer) ? "map" : isConfigCall(cx, d.initializer) ? "config" : undefined;
      if (!what) continue;
      const name = d.name.text;
      if (!isPlainIdentifier(name) || isRuntimeSymbol(name) || cx.names.isGlobal(name)) cx.error(d.name, messages.globalName(what, name));
      else if (name.length > MAX_OBJECT_NAME) cx.error(d.name, messages.nameTooLong(what, name.length, MAX_OBJECT_NAME));
      cx.names.reserveGlobal(name);
    }
  }
}

/** `import { a, b } from "./local"`: named imports of the probe's own .ts files (resolved by TypeScript). */
function checkImport(cx: CheckContext, s: ts.ImportDeclaration | ts.ImportEqualsDeclaration): void {
  const clause = ts.isImportDeclaration(s) ? s.importClause : undefined;
  const named = clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings) && !clause.isTypeOnly;
  const spec = ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier) ? s.moduleSpecifier.text : "";
  if (!named || !spec.startsWith(".")) cx.error(s, messages.importDeclaration());
}

/** A module-level name that merges with a declaration of runtime-types/ (possible in a script file) would be ambiguous. */
function shadowsRuntime(cx: CheckContext, name: ts.Identifier): boolean {
  const symbol = cx.checker.getSymbolAtLocation(name);
  const clash = !!symbol?.declarations?.some((d) => cx.isAmbient(d));
  if (clash) cx.error(name, messages.shadowsRuntime(name.text));
  return clash;
}

function describeTopLevel(s: ts.Statement): string {
  if (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) return "a type declaration";
  if (ts.isEnumDeclaration(s)) return "an enum";
  return "this statement";
}

function declareFunction(cx: CheckContext, node: ts.FunctionDeclaration, out: ModuleDecls): void {
  if (!node.name || !node.body) return cx.error(node, messages.unsupportedSyntax("function declarations without a body (`declare function`, overload signatures)"));
  if (shadowsRuntime(cx, node.name)) return;
  if (node.asteriskToken || node.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) return cx.error(node, messages.asyncCode());
  if (node.typeParameters) return cx.error(node.typeParameters[0]!, messages.unsupportedSyntax("generic functions"));
  const params: TType[] = [];
  let ok = true;
  for (const p of node.parameters) {
    if (!ts.isIdentifier(p.name) || p.dotDotDotToken || p.initializer || p.questionToken) {
      cx.error(p, messages.unsupportedSyntax("optional, default, rest and destructured parameters"));
      ok = false;
      continue;
    }
    if (!p.type) {
      cx.error(p, messages.missingType(`parameter '${p.name.text}'`));
      ok = false;
      continue;
    }
    const t = typeFromNode(cx, p.type);
    if (t?.kind === "array") cx.error(p.type, messages.arrayValue());
    if (!t || t.kind === "array") ok = false;
    else {
      params.push(t);
      cx.bindings.set(p, { kind: "param", cName: cx.names.local(node, p.name.text), type: t, mutable: true });
    }
  }
  if (!node.type) {
    cx.error(node.name, messages.missingType(`the result of '${node.name.text}'`));
    return;
  }
  const returns = typeFromNode(cx, node.type, { allowVoid: true });
  if (returns?.kind === "array") return cx.error(node.type, messages.arrayValue());
  if (!returns || !ok) return;
  const linkage = ts.getJSDocTags(node).some((t) => t.tagName.text === "noinline") ? "call" : "inline";
  if (linkage === "call" && !bpfCallSignatureOk(cx, node, params, returns)) return;
  cx.functions.set(node, { name: node.name.text, params, returns, linkage });
  cx.functionNames.set(node, cx.names.global(node.name.text));
  cx.calls.set(node, new Set());
  out.functions.push(node);
}

/** A BPF-to-BPF call passes its arguments in registers r1-r5 and returns in r0: scalars only. */
function bpfCallSignatureOk(cx: CheckContext, node: ts.FunctionDeclaration, params: TType[], returns: TType): boolean {
  const scalar = (t: TType) => t.kind === "int" || t.kind === "bool" || t.kind === "enum";
  const name = node.name!.text;
  if (params.length > 5) cx.error(node.parameters[5]!, messages.bpfCallSignature(name, `it has ${params.length} parameters`));
  else if (params.some((t) => !scalar(t))) {
    const i = params.findIndex((t) => !scalar(t));
    cx.error(node.parameters[i]!, messages.bpfCallSignature(name, `parameter '${node.parameters[i]!.name.getText()}' is a ${typeName(params[i]!)}`));
  } else if (!scalar(returns) && returns.kind !== "void") cx.error(node.type!, messages.bpfCallSignature(name, `it returns a ${typeName(returns)}`));
  else return true;
  return false;
}

function declareClass(cx: CheckContext, node: ts.ClassDeclaration, out: ModuleDecls): void {
  const className = node.name?.text ?? "default";
  if (node.heritageClauses || node.typeParameters) cx.error(node, messages.classMember());
  if (node.name && shadowsRuntime(cx, node.name)) return;
  for (const member of node.members) {
    if (ts.isSemicolonClassElement(member)) continue;
    const isStatic = ts.isMethodDeclaration(member) && member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
    const decorators = ts.canHaveDecorators(member) ? (ts.getDecorators(member) ?? []) : [];
    if (!ts.isMethodDeclaration(member) || !isStatic || decorators.length !== 1 || !ts.isIdentifier(member.name)) {
      cx.error(member, messages.classMember());
      continue;
    }
    const options = programOptions(cx, decorators[0]!.expression);
    if (!options) continue;
    const name = member.name.text;
    if (!programSignatureOk(member, options.kind)) {
      cx.error(member.name, messages.programSignature(name, options.kind.context, options.kind.action));
      continue;
    }
    const param = member.parameters[0]!;
    cx.bindings.set(param, { kind: "context", cName: cx.names.local(member, (param.name as ts.Identifier).text), type: { kind: "context", name: options.kind.context }, mutable: false });
    if (out.programs.some((p) => p.name === name)) cx.error(member.name, messages.duplicateProgram(name));
    out.programs.push({ name, className, node: member, ...options });
  }
}

function programSignatureOk(m: ts.MethodDeclaration, kind: ProgramKind): boolean {
  const p = m.parameters[0];
  const isRef = (t: ts.TypeNode | undefined, name: string): boolean => {
    while (t && ts.isParenthesizedTypeNode(t)) t = t.type;
    return !!t && ts.isTypeReferenceNode(t) && ts.isIdentifier(t.typeName) && t.typeName.text === name;
  };
  const ok = m.parameters.length === 1 && !!p && ts.isIdentifier(p.name) && isRef(p.type, kind.context) && isRef(m.type, kind.action) && !!m.body && !m.typeParameters;
  const async = m.asteriskToken || m.modifiers?.some((x) => x.kind === ts.SyntaxKind.AsyncKeyword);
  return ok && !async;
}

/** Module constants must fold to an integer at compile time; an annotated one becomes a `static const`. */
function declareConstants(cx: CheckContext, node: ts.VariableStatement, out: ModuleDecls): void {
  if ((node.declarationList.flags & ts.NodeFlags.Const) === 0) {
    cx.error(node, messages.topLevelStatement("a `let` or `var`"));
    return;
  }
  for (const decl of node.declarationList.declarations) {
    if (!ts.isIdentifier(decl.name) || !decl.initializer) {
      cx.error(decl, messages.moduleConstant());
      continue;
    }
    if (shadowsRuntime(cx, decl.name)) continue;
    if (declareObject(cx, decl as ts.VariableDeclaration & { name: ts.Identifier }, decl.initializer)) continue;
    const type = constantType(cx, decl, decl.initializer);
    const value = type && constantOf(cx, decl.initializer);
    if (!type || value === undefined) {
      cx.bindings.set(decl, { kind: "constant", cName: decl.name.text, type: { kind: "error" }, mutable: false });
      continue;
    }
    const binding = type.kind === "int" ? type : { kind: "const" as const, value };
    cx.bindings.set(decl, { kind: "constant", cName: cx.names.global(decl.name.text), type: binding, mutable: false });
    cx.constantValues.set(decl, value);
    out.constants.push(decl);
  }
}

/** A map or config declaration: binds the name to it (true), or is not one (false). */
function declareObject(cx: CheckContext, decl: ts.VariableDeclaration & { name: ts.Identifier }, init: ts.Expression): boolean {
  const name = decl.name.text;
  const kind = mapKindOf(cx, init);
  if (kind) {
    const info = declareMap(cx, decl, init as ts.NewExpression, kind);
    if (info) cx.maps.set(name, info);
    cx.bindings.set(decl, { kind: "map", cName: objectCName(name), type: info ? { kind: "map", name } : { kind: "error" }, mutable: false });
    return true;
  }
  if (isConfigCall(cx, init)) {
    const info = declareConfig(cx, decl, init);
    if (info) cx.configs.set(name, info);
    cx.bindings.set(decl, { kind: "config", cName: objectCName(name), type: info ? { kind: "config", name } : { kind: "error" }, mutable: false });
    return true;
  }
  return false;
}

/**
 * The type of a module constant: its annotation; the integer type of a typed initialiser (`u8(255)`, `A + 1`);
 * or, for an untyped constant expression, none (it is substituted where used). Reports why when it is not a constant.
 */
function constantType(cx: CheckContext, decl: ts.VariableDeclaration, init: ts.Expression): TType | undefined {
  const annotated = decl.type ? typeFromNode(cx, decl.type) : undefined;
  if (decl.type && !annotated) return undefined;
  if (annotated && annotated.kind !== "int") {
    cx.error(decl.type!, messages.moduleConstant());
    return undefined;
  }
  const t = annotated ? checkAssignable(cx, init, annotated) : checkExpr(cx, init);
  if (!t) return undefined;
  if ((t.kind !== "int" && t.kind !== "const") || (t.kind === "const" && t.other !== undefined) || constantOf(cx, init) === undefined) {
    cx.error(init, messages.moduleConstant());
    return undefined;
  }
  return annotated ?? t;
}

