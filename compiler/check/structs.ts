// The probe's own struct types: interfaces and object type aliases whose fields are integers, bools, enums or structs.
import { ts } from "ts-morph";
import { messages } from "../diagnostics/catalogue.js";
import type { TType } from "../types/types.js";
import type { CheckContext } from "./context.js";
import type { CheckFacts } from "./facts.js";
import { isReservedInC, MAX_OBJECT_NAME } from "./names.js";
import { typeFromNode } from "./type-nodes.js";
import { RAW_VIEWS, viewFields, type RawField } from "../programs/raw-contexts.js";
import { ADDRESS_TYPES } from "../protocols/schema.js";

export interface StructInfo {
  name: string;
  /** The C tag, unique in the file. */
  cName: string;
  fields: { name: string; type: TType }[];
  decl: ts.InterfaceDeclaration | ts.TypeAliasDeclaration;
  /** A struct of the runtime (Ipv4Prefix, Ipv6Prefix) rather than the probe. */
  builtin?: boolean;
  /** Defined by the packet runtime's C (the address structs), not emitted with the probe's structs. */
  inRuntime?: boolean;
  /** Fields user space stores in network byte order, while the program reads and writes them in host order. */
  networkOrder?: Set<string>;
}

/** The runtime's structs: LPM keys, whose address the map stores in network order so prefixes match bit by bit. */
const BUILTIN_STRUCTS: Record<string, { cName: string; fields: { name: string; type: TType }[]; networkOrder?: string[]; inRuntime?: boolean }> = {
  Ipv4Prefix: { cName: "tsbpf_ipv4_prefix", fields: [{ name: "prefixLen", type: { kind: "int", name: "u32" } }, { name: "addr", type: { kind: "int", name: "u32" } }], networkOrder: ["addr"] },
  Ipv6Prefix: { cName: "tsbpf_ipv6_prefix", fields: [{ name: "prefixLen", type: { kind: "int", name: "u32" } }, { name: "addr", type: { kind: "array", element: { kind: "int", name: "u8" }, length: 16 } }] },
};

/** The address value types (MacAddr, Ipv6Addr), whose C the packet runtime defines. */
function addressStruct(name: string): (typeof BUILTIN_STRUCTS)[string] | undefined {
  const a = Object.values(ADDRESS_TYPES).find((x) => x.ts === name);
  if (!a) return undefined;
  return { cName: a.c.replace(/^struct /, ""), inRuntime: true, fields: [{ name: "bytes", type: { kind: "array", element: { kind: "int", name: "u8" }, length: a.size } }] };
}

/** The raw kernel contexts (`ctx.raw`) as structs of the fields the program kind may see. */
function rawContextStruct(name: string): (typeof BUILTIN_STRUCTS)[string] | undefined {
  const view = RAW_VIEWS.find((v) => v.tsName === name);
  if (!view) return undefined;
  const type = (t: NonNullable<RawField["ts"]>): TType => (t.length ? { kind: "array", element: { kind: "int", name: t.int }, length: t.length } : { kind: "int", name: t.int });
  return { cName: view.context.cTag, inRuntime: true, fields: viewFields(view).map((f) => ({ name: f.name, type: type(f.ts) })) };
}

/** Registers a runtime struct the first time a probe names it (so only used ones reach the C). */
export function builtinStruct(cx: CheckContext, name: string, decl: ts.Node | undefined): StructInfo | undefined {
  const b = BUILTIN_STRUCTS[name] ?? addressStruct(name) ?? rawContextStruct(name);
  if (!b || !decl || !cx.isAmbient(decl) || !(ts.isInterfaceDeclaration(decl) || ts.isTypeAliasDeclaration(decl))) return undefined;
  const info: StructInfo = { name, cName: b.cName, fields: b.fields, decl, builtin: true, inRuntime: b.inRuntime, networkOrder: new Set(b.networkOrder) };
  cx.structs.set(name, info);
  return info;
}

type StructDecl = ts.InterfaceDeclaration | (ts.TypeAliasDeclaration & { type: ts.TypeLiteralNode });

export function isStructDeclaration(s: ts.Statement): s is StructDecl {
  return ts.isInterfaceDeclaration(s) || (ts.isTypeAliasDeclaration(s) && ts.isTypeLiteralNode(s.type));
}

/** Registers every struct name first (fields may name structs declared later), then reads the fields. */
export function declareStructs(cx: CheckContext, files: readonly ts.SourceFile[]): void {
  const decls = files.flatMap((f) => f.statements.filter(isStructDeclaration));
  for (const d of decls) {
    if (d.typeParameters || (ts.isInterfaceDeclaration(d) && d.heritageClauses)) {
      cx.error(d.name, messages.structShape("generic and extending interfaces are not supported"));
      continue;
    }
    cx.structs.set(d.name.text, { name: d.name.text, cName: cx.names.global(d.name.text), fields: [], decl: d });
  }
  for (const d of decls) {
    const info = cx.structs.get(d.name.text);
    if (!info || info.decl !== d) continue;
    const members = ts.isInterfaceDeclaration(d) ? d.members : d.type.members;
    for (const m of members) {
      if (!ts.isPropertySignature(m) || !ts.isIdentifier(m.name) || !m.type || m.questionToken) {
        cx.error(m, messages.structShape("every member is a required field with a type, e.g. `port: u16`"));
        continue;
      }
      if (isReservedInC(m.name.text)) {
        cx.error(m.name, messages.structShape(`'${m.name.text}' cannot name a field in C; rename it`));
        continue;
      }
      if (m.name.text.length > MAX_OBJECT_NAME) {
        cx.error(m.name, messages.nameTooLong("struct field", m.name.text.length, MAX_OBJECT_NAME));
        continue;
      }
      const t = typeFromNode(cx, m.type);
      if (!t) continue;
      if (t.kind !== "int" && t.kind !== "bool" && t.kind !== "enum" && t.kind !== "struct" && t.kind !== "array") {
        cx.error(m.type, messages.structShape("fields are integers, bools, enums or structs"));
        continue;
      }
      info.fields.push({ name: m.name.text, type: t });
    }
  }
  for (const info of cx.structs.values()) {
    if (contains(cx, info, info.name, new Set())) cx.error(info.decl.name, messages.structShape(`'${info.name}' contains itself`));
  }
}

function contains(cx: CheckContext, info: StructInfo, target: string, seen: Set<string>): boolean {
  for (const f of info.fields) {
    const t = f.type.kind === "array" ? f.type.element : f.type;
    if (t.kind !== "struct") continue;
    if (t.name === target) return true;
    if (seen.has(t.name)) continue;
    seen.add(t.name);
    const inner = cx.structs.get(t.name);
    if (inner && contains(cx, inner, target, seen)) return true;
  }
  return false;
}

/** Structs in the order C needs them: every struct after the structs it contains. */
export function structOrder(cx: Pick<CheckFacts, "structs">): StructInfo[] {
  const out: StructInfo[] = [];
  const visit = (s: StructInfo, seen: Set<string>) => {
    if (out.includes(s) || seen.has(s.name)) return;
    seen.add(s.name);
    for (const f of s.fields) {
      const inner = f.type.kind === "array" ? f.type.element : f.type;
      if (inner.kind === "struct") visit(cx.structs.get(inner.name)!, seen);
    }
    out.push(s);
  };
  for (const s of cx.structs.values()) visit(s, new Set());
  return out;
}
