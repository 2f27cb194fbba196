// The public API the generator covers, read from the ambient declarations in runtime-types/ (what users program against).
import { readFileSync } from "node:fs";
import { ts } from "ts-morph";
import { runtimeTypeFiles } from "../../../compiler/frontend/runtime-types.js";

export interface ParamApi {
  name: string;
  type: string;
  optional: boolean;
}

export interface MemberApi {
  name: string;
  /** The property's type, or a method's result. */
  type: string;
  readonly: boolean;
  /** Present for methods. */
  params?: ParamApi[];
  /** Its doc comment. */
  doc: string;
}

export interface DeclarationApi {
  name: string;
  /** Type parameters of classes and interfaces, by name. */
  typeParams: string[];
  extends: string[];
  members: MemberApi[];
}

export interface FunctionApi {
  name: string;
  params: ParamApi[];
  returns: string;
}

/** Everything declared in runtime-types/, by kind and name. */
export interface PublicApi {
  interfaces: Map<string, DeclarationApi>;
  classes: Map<string, DeclarationApi>;
  enums: Map<string, { name: string; value: bigint }[]>;
  /** Functions with their overloads. */
  functions: Map<string, FunctionApi[]>;
  typeAliases: Map<string, string>;
  /** Which file declared each name (e.g. "maps.d.ts"). */
  fileOf: Map<string, string>;
}

let cached: PublicApi | undefined;

export function publicApi(): PublicApi {
  cached ??= readApi();
  return cached;
}

function readApi(): PublicApi {
  const api: PublicApi = { interfaces: new Map(), classes: new Map(), enums: new Map(), functions: new Map(), typeAliases: new Map(), fileOf: new Map() };
  for (const file of runtimeTypeFiles()) {
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
    const base = file.split("/").pop()!;
    for (const node of source.statements) readDeclaration(api, node, source, base);
  }
  return api;
}

function readDeclaration(api: PublicApi, node: ts.Statement, source: ts.SourceFile, file: string): void {
  const text = (n: ts.Node | undefined) => (n ? n.getText(source) : "void");
  const params = (ps: ts.NodeArray<ts.ParameterDeclaration>): ParamApi[] => ps.map((p) => ({ name: p.name.getText(source), type: text(p.type), optional: !!p.questionToken || !!p.initializer || !!p.dotDotDotToken }));
  const members = (ms: ts.NodeArray<ts.TypeElement | ts.ClassElement>): MemberApi[] =>
    ms.flatMap((m): MemberApi[] => {
      if (!m.name || ts.isConstructorDeclaration(m)) return [];
      const readonly = !!ts.getModifiers(m as ts.HasModifiers)?.some((x) => x.kind === ts.SyntaxKind.ReadonlyKeyword);
      const doc = (ts.getLeadingCommentRanges(source.text, m.pos) ?? []).map((r) => source.text.slice(r.pos, r.end)).join("\n");
      if (ts.isPropertySignature(m) || ts.isPropertyDeclaration(m)) return [{ name: m.name.getText(source), type: text(m.type), readonly, doc }];
      if (ts.isMethodSignature(m) || ts.isMethodDeclaration(m)) return [{ name: m.name.getText(source), type: text(m.type), readonly: true, params: params(m.parameters), doc }];
      return [];
    });
  const heritage = (cs: ts.NodeArray<ts.HeritageClause> | undefined) => (cs ?? []).flatMap((c) => c.types.map((t) => t.expression.getText(source)));
  const typeParams = (tp: ts.NodeArray<ts.TypeParameterDeclaration> | undefined) => (tp ?? []).map((p) => p.name.text);
  if (ts.isInterfaceDeclaration(node)) {
    const prior = api.interfaces.get(node.name.text);
    const decl = { name: node.name.text, typeParams: typeParams(node.typeParameters), extends: heritage(node.heritageClauses), members: members(node.members) };
    // interfaces merge (lib.d.ts declares Array twice)
    api.interfaces.set(decl.name, prior ? { ...prior, members: [...prior.members, ...decl.members], extends: [...prior.extends, ...decl.extends] } : decl);
    api.fileOf.set(decl.name, file);
  } else if (ts.isClassDeclaration(node) && node.name) {
    api.classes.set(node.name.text, { name: node.name.text, typeParams: typeParams(node.typeParameters), extends: [], members: members(node.members) });
    api.fileOf.set(node.name.text, file);
  } else if (ts.isEnumDeclaration(node)) {
    let next = 0n;
    const values = node.members.map((m) => {
      const value = m.initializer ? BigInt(m.initializer.getText(source)) : next;
      next = value + 1n;
      return { name: m.name.getText(source), value };
    });
    api.enums.set(node.name.text, values);
    api.fileOf.set(node.name.text, file);
  } else if (ts.isFunctionDeclaration(node) && node.name) {
    const list = api.functions.get(node.name.text) ?? [];
    list.push({ name: node.name.text, params: params(node.parameters), returns: returnType(node, source) });
    api.functions.set(node.name.text, list);
    api.fileOf.set(node.name.text, file);
  } else if (ts.isTypeAliasDeclaration(node)) {
    api.typeAliases.set(node.name.text, text(node.type));
    api.fileOf.set(node.name.text, file);
  } else if (ts.isVariableStatement(node)) {
    for (const d of node.declarationList.declarations) {
      api.typeAliases.set(d.name.getText(source), text(d.type));
      api.fileOf.set(d.name.getText(source), file);
    }
  }
}

/** A function's result type, a type parameter replaced by its constraint (`redirect<V extends XdpAction | TcAction>` gives "XdpAction | TcAction"). */
function returnType(node: ts.FunctionDeclaration, source: ts.SourceFile): string {
  const result = node.type ? node.type.getText(source) : "void";
  const param = node.typeParameters?.find((p) => p.name.text === result);
  return param?.constraint ? param.constraint.getText(source) : result;
}

/** An interface's members, those of the interfaces it extends included. */
export function allMembers(api: PublicApi, name: string): MemberApi[] {
  const decl = api.interfaces.get(name);
  if (!decl) return [];
  return [...decl.extends.flatMap((b) => allMembers(api, b)), ...decl.members];
}
