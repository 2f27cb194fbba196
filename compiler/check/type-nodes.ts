// Reads tsbpf types from written type annotations (syntactically: to tsc, u8 and u32 are both number).
import { ts } from "ts-morph";
import { messages } from "../diagnostics/catalogue.js";
import { protocolByTsName } from "../protocols/index.js";
import { isIntName } from "../types/int-types.js";
import { BOOL, int, VOID, type TType } from "../types/types.js";
import { arrayType } from "./arrays.js";
import { builtinStruct } from "./structs.js";
import { PROGRAM_KINDS } from "../programs/kinds.js";
import type { CheckContext } from "./context.js";

const ENUMS = new Set([...PROGRAM_KINDS.map((k) => k.action), "MapUpdate"]);
const CONTEXTS = new Set(PROGRAM_KINDS.map((k) => k.context));

/** The tsbpf type an annotation denotes, or undefined (with a diagnostic) if it is not one. */
export function typeFromNode(cx: CheckContext, node: ts.TypeNode, opts: { allowVoid?: boolean } = {}): TType | undefined {
  if (node.kind === ts.SyntaxKind.BooleanKeyword) return BOOL;
  if (node.kind === ts.SyntaxKind.VoidKeyword && opts.allowVoid) return VOID;
  if (ts.isParenthesizedTypeNode(node)) return typeFromNode(cx, node.type, opts);
  if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && node.typeName.text === "FixedArray") {
    return arrayType(cx, node, (n) => typeFromNode(cx, n));
  }
  if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && !node.typeArguments) {
    const name = node.typeName.text;
    if (isIntName(name)) return int(name);
    if (name === "bool") return BOOL;
    if (ENUMS.has(name)) return { kind: "enum", name };
    const struct = cx.structs.get(name) ?? builtinStruct(cx, name, cx.declarationOf(node.typeName));
    if (struct) return { kind: "struct", name, cName: struct.cName };
    const own = cx.enums.get(name);
    if (own) return { kind: "enum", name, underlying: own.underlying };
    if (CONTEXTS.has(name)) return { kind: "context", name };
    const proto = protocolByTsName(name);
    if (proto) {
      cx.usedProtocols.add(proto.name);
      return { kind: "header", proto: proto.tsName, nullable: false };
    }
  }
  if (ts.isUnionTypeNode(node)) {
    const parts = node.types.filter((t) => !isNullish(t));
    if (parts.length === 1 && parts.length < node.types.length) {
      const inner = typeFromNode(cx, parts[0]!);
      if (inner?.kind === "header") return { ...inner, nullable: true };
    }
  }
  cx.error(node, messages.unsupportedType(node.getText()));
  return undefined;
}

function isNullish(t: ts.TypeNode): boolean {
  return (ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword) || t.kind === ts.SyntaxKind.UndefinedKeyword;
}
