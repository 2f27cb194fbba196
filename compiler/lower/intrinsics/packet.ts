// Lowers the packet API: ctx.eth(), header accessors and field getters, all generated from compiler/protocols.
import { ts } from "ts-morph";
import { call, type CExpr } from "../../c/ast.js";
import { childAccessorName, getterName } from "../../protocols/emit-c.js";
import { protocolByTsName } from "../../protocols/index.js";
import type { LowerContext } from "../context.js";
import { lowerAs } from "../expressions.js";

export const NO_HEADER: CExpr = { k: "id", name: "TSBPF_NO_HDR" };

/** The XDP context's entry into the packet: the Ethernet header at ctx->data. */
export const XDP_PACKET_RUNTIME = `static __always_inline struct tsbpf_hdr tsbpf_xdp_eth(struct xdp_md *ctx)
{
	return tsbpf_parse_eth((__u8 *)(long)ctx->data, (__u8 *)(long)ctx->data_end);
}`;

export function lowerAccessorCall(lx: LowerContext, node: ts.CallExpression, callee: ts.PropertyAccessExpression, receiver: CExpr): CExpr {
  const receiverType = lx.typeOf(callee.expression);
  if (receiverType.kind === "context") return call("tsbpf_xdp_eth", [receiver]);
  if (receiverType.kind !== "header") throw new Error(`internal: accessor on ${receiverType.kind}`);
  const parent = protocolByTsName(receiverType.proto)!;
  const child = lx.typeOf(node);
  if (child.kind !== "header") throw new Error("internal: accessor without a header type");
  const args = node.arguments.length ? [receiver, lowerAs(lx, node.arguments[0]!, { kind: "int", name: "u32" })] : [receiver];
  return call(childAccessorName(parent, protocolByTsName(child.proto)!), args);
}

export function lowerFieldRead(lx: LowerContext, node: ts.PropertyAccessExpression, receiver: CExpr): CExpr {
  const receiverType = lx.typeOf(node.expression);
  if (receiverType.kind !== "header") throw new Error(`internal: field read on ${receiverType.kind}`);
  return call(getterName(protocolByTsName(receiverType.proto)!, node.name.text), [receiver]);
}
