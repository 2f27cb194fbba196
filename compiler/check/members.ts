// Members of values: header fields and accessors, map methods, context shortcuts, struct, config and reference fields, enum members.
import { ts } from "ts-morph";
import { messages } from "../diagnostics/catalogue.js";
import { childrenOf, fieldOf, indexedChild, protocolByTsName } from "../protocols/index.js";
import { BOOL, constant, int, typeName, type TType } from "../types/types.js";
import type { CheckContext } from "./context.js";
import { builtinStruct } from "./structs.js";
import { ADDRESS_TYPES } from "../protocols/schema.js";
import { kindByContext } from "../programs/kinds.js";
import { checkMapCall } from "./maps.js";
import { checkLog, isLogCall } from "./log.js";
import { checkRawRead, checkRawWrite } from "./raw-reads.js";
import { CURSOR_READS, CURSOR_WRITES } from "../protocols/cursor.js";
import { ADJUSTMENTS, checkAdjustment } from "./adjustments.js";
import { checkAssignable, checkExpr } from "./expressions.js";

type Result = TType | undefined;

export function propertyAccess(cx: CheckContext, node: ts.PropertyAccessExpression): Result {
  const enumType = enumMember(cx, node);
  if (enumType) return enumType;
  if (node.questionDotToken) {
    cx.error(node, messages.optionalChainOnValue());
    return undefined;
  }
  const receiver = checkExpr(cx, node.expression);
  if (!receiver) return undefined;
  const name = node.name.text;
  if (receiver.kind === "array" && name === "length") return constant(BigInt(receiver.length));
  if (receiver.kind === "ref") return refField(cx, node, receiver);
  const shortcut = receiver.kind === "context" ? kindByContext(receiver.name)?.fields.find((f) => f.name === name) : undefined;
  if (shortcut) return int(shortcut.type);
  if (receiver.kind === "context" && name === "raw") {
    let use: ts.Node = node;
    while (ts.isParenthesizedExpression(use.parent)) use = use.parent;
    if (!ts.isPropertyAccessExpression(use.parent) || use.parent.expression !== use) {
      cx.error(node, messages.contextCopy());
      return undefined;
    }
    const rawName = cx.checker.getTypeAtLocation(node).getSymbol()?.getName();
    return rawName ? addressType(cx, node, rawName) : undefined;
  }
  if (receiver.kind === "struct") {
    const field = cx.structs.get(receiver.name)?.fields.find((f) => f.name === name);
    if (field) return field.type;
  }
  if (receiver.kind === "config") {
    const field = cx.configs.get(receiver.name)?.fields.find((f) => f.name === name);
    if (field) return field.type;
  }
  if (receiver.kind === "header") {
    const proto = protocolByTsName(receiver.proto)!;
    const field = fieldOf(proto, name);
    if (field?.type === "mac" || field?.type === "ipv6addr") return addressType(cx, node, ADDRESS_TYPES[field.type].ts);
    if (field) return field.type === "bool" ? BOOL : int(field.type);
    cx.error(node, messages.notAValue(`'${receiver.proto}.${name}'`));
    return undefined;
  }
  cx.error(node.name, messages.unknownName(`${typeName(receiver)}.${name}`));
  return undefined;
}

/** MacAddr, Ipv6Addr: the runtime's value structs (registered the first time a probe meets one). */
function addressType(cx: CheckContext, node: ts.Node, name: string): Result {
  const info = cx.structs.get(name) ?? builtinStruct(cx, name, cx.checker.getTypeAtLocation(node).getSymbol()?.declarations?.[0]);
  return info ? { kind: "struct", name, cName: info.cName } : undefined;
}

/** `r.value` of an integer reference, `r.field` of a struct reference: the map's value, read and written in place. */
function refField(cx: CheckContext, node: ts.PropertyAccessExpression, ref: TType & { kind: "ref" }): Result {
  if (ref.nullable) return undefined; // TypeScript reports it: "'r' is possibly 'null'"
  const name = node.name.text;
  if (ref.target.kind === "int" && name === "value") return ref.target;
  const field = ref.target.kind === "struct" ? cx.structs.get(ref.target.name)?.fields.find((f) => f.name === name) : undefined;
  if (field) return field.type;
  cx.error(node.name, messages.unknownName(`${typeName(ref.target)}.${name}`));
  return undefined;
}

/** `XdpAction.Drop`, and members of the probe's own enums. */
function enumMember(cx: CheckContext, node: ts.PropertyAccessExpression): Result {
  if (!ts.isIdentifier(node.expression)) return undefined;
  const decl = cx.declarationOf(node.expression);
  if (!decl || !ts.isEnumDeclaration(decl)) return undefined;
  if (cx.isAmbient(decl)) return { kind: "enum", name: decl.name.text };
  const own = cx.enums.get(decl.name.text);
  return own ? { kind: "enum", name: decl.name.text, underlying: own.underlying } : { kind: "error" };
}

/** `ctx.eth()`, `eth.ipv4()`, `ip.tcp()`: validating header accessors, null-tolerant so `?.` is free. */
export function callAccessor(cx: CheckContext, node: ts.CallExpression, callee: ts.PropertyAccessExpression): Result {
  if (isLogCall(cx, callee)) return checkLog(cx, node, callee);
  const receiver = checkExpr(cx, callee.expression);
  if (!receiver) return undefined;
  const name = callee.name.text;
  if (receiver.kind === "map") {
    const map = cx.maps.get(receiver.name)!;
    return checkMapCall(cx, node, callee, map);
  }
  if (receiver.kind === "context" && name in ADJUSTMENTS) return checkAdjustment(cx, node, name);
  if (receiver.kind === "context" && name === "packet" && node.arguments.length === 0) {
    cx.usedProtocols.add("cursor");
    return cx.record(callee, { kind: "header", proto: "Cursor", nullable: false });
  }
  if (receiver.kind === "context" && name === "eth" && node.arguments.length === 0) {
    cx.usedProtocols.add("eth");
    return cx.record(callee, { kind: "header", proto: "Ethernet", nullable: true });
  }
  if (receiver.kind === "header") {
    const parent = protocolByTsName(receiver.proto)!;
    if (parent.name === "cursor" && name in CURSOR_READS) return checkRawRead(cx, node, callee);
    if (parent.name === "cursor" && name in CURSOR_WRITES) return checkRawWrite(cx, node, callee);
    if (parent.name === "cursor" && name === "bytes") {
      cx.error(node, messages.rawRead("bytes() gives a FixedArray, which initialises a local: `const b = c.bytes(off, 4);`"));
      return undefined;
    }
    const found = node.arguments.length === 0 ? childrenOf(parent).find((c) => c.accessor === name) : undefined;
    const child = found?.child ?? (node.arguments.length === 1 ? indexedChild(parent, name) : undefined);
    if (child && (!child.indexed || checkAssignable(cx, node.arguments[0]!, int("u32")))) {
      cx.usedProtocols.add(parent.name).add(child.name);
      return cx.record(callee, { kind: "header", proto: child.tsName, nullable: !found?.alwaysPresent });
    }
    if (child) return undefined;
  }
  cx.error(callee.name, messages.notCallable(`${typeName(receiver)}.${name}`));
  return undefined;
}

