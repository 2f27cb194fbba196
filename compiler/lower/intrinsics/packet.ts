// Lowers the packet API: ctx.eth(), header accessors and field getters, all generated from compiler/protocols.
import { ts } from "ts-morph";
import { binary, call, id, num, type CExpr } from "../../c/ast.js";
import { CURSOR_READS, CURSOR_WRITES } from "../../protocols/cursor.js";
import { ADJUSTMENTS } from "../../check/adjustments.js";
import { kindByContext } from "../../programs/kinds.js";
import { contextFunction, UNTAGGED_ETH } from "./context-entry.js";
import { refusesTags } from "../tag-refusal.js";
import { coveredAccess } from "../raw-runs.js";
import { setterName } from "../../protocols/emit-setters.js";
import { ALONE, CHAINED, childAccessorName, getterName, UNTAGGED } from "../../protocols/emit-c.js";
import { parsedAlone } from "../../check/header-alone.js";
import { childNeedsOwnPointer } from "../last-use.js";
import { protocolByTsName } from "../../protocols/index.js";
import type { LowerContext } from "../context.js";
import { lowerAs } from "../expressions.js";

export { NO_HEADER } from "../../protocols/emit-c.js";

/** The label every program with raw reads ends with. */
export const ON_ERROR_LABEL = "tsbpf_on_error";

export function lowerAccessorCall(lx: LowerContext, node: ts.CallExpression, callee: ts.PropertyAccessExpression, receiver: CExpr): CExpr {
  const receiverType = lx.typeOf(callee.expression);
  const width = receiverType.kind === "header" && receiverType.proto === "Cursor" ? CURSOR_READS[callee.name.text] : undefined;
  const span = lx.rawSpans.get(node) ?? (width || CURSOR_WRITES[callee.name.text] ? coveredAccess(lx, node) : undefined);
  if (width && span) return call("tsbpf_span_read", [id(span.span), num(Number(span.offset)), num(width * 8)]);
  if (width) {
    lx.helpers.add("rawRead");
    return call("tsbpf_read", [receiver, lowerAs(lx, node.arguments[0]!, { kind: "int", name: "u32" }), num(width * 8), lx.scope.end()]);
  }
  if (receiverType.kind === "context") return contextCall(lx, node, callee.name.text, receiver);
  const write = receiverType.kind === "header" && receiverType.proto === "Cursor" ? CURSOR_WRITES[callee.name.text] : undefined;
  if (write && span) return call(`tsbpf_span_write${write.width * 8}`, [id(span.span), num(Number(span.offset)), lowerAs(lx, node.arguments[1]!, { kind: "int", name: write.type })]);
  if (write) {
    lx.helpers.add("rawRead");
    const args = [receiver, lowerAs(lx, node.arguments[0]!, { kind: "int", name: "u32" }), lowerAs(lx, node.arguments[1]!, { kind: "int", name: write.type }), lx.scope.end()];
    return call(`tsbpf_write${write.width * 8}`, args);
  }
  if (receiverType.kind !== "header") throw new Error(`internal: accessor on ${receiverType.kind}`);
  const parent = protocolByTsName(receiverType.proto)!;
  const child = lx.typeOf(node);
  if (child.kind !== "header") throw new Error("internal: accessor without a header type");
  const args = node.arguments.length ? [receiver, lowerAs(lx, node.arguments[0]!, { kind: "int", name: "u32" }), lx.scope.end()] : [receiver, lx.scope.end()];
  const accessor = callee.name.text;
  if (node.arguments.length > 0 || accessor === "options") return call(childAccessorName(parent, accessor), args);
  const alone = child.proto !== "Cursor" && parsedAlone(lx.facts, node, protocolByTsName(child.proto)!);
  const untagged = child.proto !== "Cursor" && !!protocolByTsName(child.proto)!.tags && refusesTags(lx.facts, node);
  // a cursor's children start from its own pointer already (protocols/emit-c.ts childAccessor)
  const chained = parent.name !== "cursor" && !childNeedsOwnPointer(lx, callee.expression, node);
  const suffix = `${alone ? ALONE : ""}${untagged ? UNTAGGED : ""}${chained ? CHAINED : ""}`;
  if (suffix) lx.accessorVariants.add(`${parent.name}.${accessor}|${suffix}`);
  return call(`${childAccessorName(parent, accessor)}${suffix}`, args);
}

export function lowerFieldRead(lx: LowerContext, node: ts.PropertyAccessExpression, receiver: CExpr): CExpr {
  const receiverType = lx.typeOf(node.expression);
  if (receiverType.kind !== "header") throw new Error(`internal: field read on ${receiverType.kind}`);
  return call(getterName(protocolByTsName(receiverType.proto)!, node.name.text), [receiver, lx.scope.end()]);
}

/** `ip.ttl = v` → `tsbpf_ipv4_set_ttl(ip, v)`: the setter writes network order and fixes the checksums. */
export function lowerFieldWrite(lx: LowerContext, target: ts.PropertyAccessExpression, value: CExpr): CExpr {
  const header = lx.typeOf(target.expression);
  if (header.kind !== "header") throw new Error("internal: field write on a non-header");
  return call(setterName(protocolByTsName(header.proto)!, target.name.text), [lowerAs(lx, target.expression), lx.scope.end(), value]);
}

/** ctx.eth(), ctx.packet(), ctx.adjustHead(delta) and the other adjustments (true when the helper returns 0). */
function contextCall(lx: LowerContext, node: ts.CallExpression, name: string, ctx: CExpr): CExpr {
  if (name === "eth" || name === "packet") {
    const kind = kindByContext((lx.typeOf((node.expression as ts.PropertyAccessExpression).expression) as { name: string }).name)!;
    const untagged = name === "eth" && refusesTags(lx.facts, node);
    if (untagged) lx.accessorVariants.add(`eth|${UNTAGGED}`);
    const entry = untagged ? UNTAGGED_ETH : name;
    lx.helpers.add(contextFunction(kind, entry));
    return call(contextFunction(kind, entry), [lx.scope.entry(ctx, kind)]);
  }
  const helper = ADJUSTMENTS[name];
  if (!helper) throw new Error(`internal: unknown context method ${name}`);
  lx.kernelHelpers.add(helper);
  return binary("==", call(`tsbpf_${helper}`, [ctx, lowerAs(lx, node.arguments[0]!, { kind: "int", name: "i32" })]), num(0));
}
