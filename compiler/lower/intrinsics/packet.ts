// Lowers the packet API: ctx.eth(), header accessors and field getters, all generated from compiler/protocols.
import { ts } from "ts-morph";
import { binary, call, id, num, type CExpr } from "../../c/ast.js";
import { CURSOR_READS, CURSOR_WRITES } from "../../protocols/cursor.js";
import { ADJUSTMENTS } from "../../check/adjustments.js";
import { mapKind } from "../../maps/kinds.js";
import { mapDefinition } from "../maps.js";
import { kindByContext, PROGRAM_KINDS, type ProgramKind } from "../../programs/kinds.js";
import { setterName } from "../../protocols/emit-setters.js";
import { ALONE, CHAINED, childAccessorName, getterName } from "../../protocols/emit-c.js";
import { parsedAlone } from "../../check/header-alone.js";
import { unwrap } from "../../check/syntax.js";
import { childNeedsOwnPointer, statesAreFew } from "../last-use.js";
import { protocolByTsName } from "../../protocols/index.js";
import type { LowerContext } from "../context.js";
import { lowerAs } from "../expressions.js";

export const NO_HEADER: CExpr = { k: "id", name: "TSBPF_NO_HDR" };

/**
 * Each context's entry into the packet: ctx.eth() parses an Ethernet header at its start, ctx.packet() is a cursor
 * there (a socket filter whose frame could not be copied gets an empty cursor: its length limit is 0), from a pointer
 * of its own (moved by a hidden 0) unless the probe is small and loop-free (`few`: lower/last-use.ts, statesAreFew).
 */
function contextEntry(kind: ProgramKind, fn: "eth" | "packet", few: boolean): string {
  const [params, start, end] = kind.packet === "direct"
    ? [`${kind.ctxC} *ctx`, "tsbpf_ctx_ptr(ctx, data)", "tsbpf_end(ctx)"]
    : ["struct tsbpf_frame frame", "frame.data", "frame.end"];
  const body = fn === "eth"
    ? `tsbpf_parse_eth(${start}, ${end})`
    : kind.packet === "direct" ? `tsbpf_cursor_at(${few ? start : `tsbpf_fresh_by(${start}, tsbpf_ctx_get(ctx, ${kind.unknownField}, u32))`})` : "(struct tsbpf_hdr){ .pos = frame.data, .next = frame.data, .next_proto = frame.data ? TSBPF_NO_NEXT : 0, .ok = 1 }";
  return `static __always_inline struct tsbpf_hdr ${contextFunction(kind, fn)}(${params})
{
	return ${body};
}`;
}

/**
 * Socket filters have no direct packet access: the frame, from its MAC header, is copied into a per-CPU scratch buffer
 * and parsed there, read-only. The buffer is larger than any offset the parsers and raw reads can reach, so every
 * access is inside it for the verifier, and the copy (at most 8 KiB) bounds what the program sees.
 */
const scratch = () => ({ name: "tsbpf_scratch", kind: mapKind("PerCpuArray")!, size: 1, key: { kind: "int", name: "u32" }, value: { kind: "struct", name: "", cName: "tsbpf_scratch" } }) as const;

export const copyFrameRuntime = () => `#define TSBPF_SCRATCH_SIZE 32768
#define TSBPF_COPY_MAX 8192
struct tsbpf_scratch { __u8 data[TSBPF_SCRATCH_SIZE]; };
${mapDefinition(scratch(), "the socket filters' copy of the frame, one per CPU")}
/* A socket filter's copy of its frame: data is NULL when it could not be made. */
struct tsbpf_frame { __u8 *data; __u8 *end; };

static __always_inline struct tsbpf_frame tsbpf_copy_frame(struct __sk_buff *ctx)
{
	__u32 zero TSBPF_SLOT = 0;
	struct tsbpf_scratch *s = tsbpf_map_lookup_elem(&tsbpf_scratch, &zero);

	if (!s)
		return (struct tsbpf_frame){ 0 };
	/* skb->len counts from the socket's data, which starts at the network header for most sockets: try the
	 * Ethernet header's 14 bytes more, then exactly len (packet sockets, where data is the MAC header) */
	__u32 n = ctx->len + 14;
	if (n > TSBPF_COPY_MAX)
		n = TSBPF_COPY_MAX;
	if (n == 0 || tsbpf_skb_load_bytes_relative(ctx, 0, s->data, n, 0 /* BPF_HDR_START_MAC */) != 0) {
		n = ctx->len;
		if (n > TSBPF_COPY_MAX)
			n = TSBPF_COPY_MAX;
		if (n == 0 || tsbpf_skb_load_bytes_relative(ctx, 0, s->data, n, 0) != 0)
			return (struct tsbpf_frame){ 0 };
	}
	return (struct tsbpf_frame){ .data = s->data, .end = s->data + n };
}`;

/** The helper name lowering records when a function copies a socket filter's frame. */
export const COPY_FRAME = "copyFrame";

const contextFunction = (kind: ProgramKind, fn: string) => `tsbpf_${kind.decorator}_${fn}`;

/** The entries the probe's programs use, e.g. tsbpf_xdp_eth, tsbpf_tc_packet. */
export function contextRuntime(lx: LowerContext): string[] {
  const entries = PROGRAM_KINDS.flatMap((k) => (["eth", "packet"] as const).filter((fn) => lx.helpers.has(contextFunction(k, fn))).map((fn) => ({ k, fn })));
  const copy = lx.helpers.has(COPY_FRAME) ? [copyFrameRuntime()] : [];
  return [...copy, ...entries.map((e) => contextEntry(e.k, e.fn, statesAreFew(lx)))];
}

/** The label every program with raw reads ends with. */
export const ON_ERROR_LABEL = "tsbpf_on_error";

export function lowerAccessorCall(lx: LowerContext, node: ts.CallExpression, callee: ts.PropertyAccessExpression, receiver: CExpr): CExpr {
  const receiverType = lx.typeOf(callee.expression);
  const width = receiverType.kind === "header" && receiverType.proto === "Cursor" ? CURSOR_READS[callee.name.text] : undefined;
  const span = lx.rawSpans.get(node);
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
  // a cursor's children start from its own pointer already (protocols/emit-c.ts childAccessor)
  const chained = parent.name !== "cursor" && !childNeedsOwnPointer(lx, callee.expression, node);
  const suffix = `${alone ? ALONE : ""}${chained ? CHAINED : ""}`;
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
    lx.helpers.add(contextFunction(kind, name));
    return call(contextFunction(kind, name), [lx.scope.entry(ctx, kind)]);
  }
  const helper = ADJUSTMENTS[name];
  if (!helper) throw new Error(`internal: unknown context method ${name}`);
  lx.kernelHelpers.add(helper);
  return binary("==", call(`tsbpf_${helper}`, [ctx, lowerAs(lx, node.arguments[0]!, { kind: "int", name: "i32" })]), num(0));
}
