// Lowers the packet API: ctx.eth(), header accessors and field getters, all generated from compiler/protocols.
import { ts } from "ts-morph";
import { binary, call, num, type CExpr } from "../../c/ast.js";
import { CURSOR_READS, CURSOR_WRITES } from "../../protocols/cursor.js";
import { ADJUSTMENTS } from "../../check/adjustments.js";
import { mapKind } from "../../maps/kinds.js";
import { mapDefinition } from "../maps.js";
import { kindByContext, PROGRAM_KINDS, type ProgramKind } from "../../programs/kinds.js";
import { setterName } from "../../protocols/emit-setters.js";
import { childAccessorName, getterName } from "../../protocols/emit-c.js";
import { protocolByTsName } from "../../protocols/index.js";
import type { LowerContext } from "../context.js";
import { lowerAs } from "../expressions.js";

export const NO_HEADER: CExpr = { k: "id", name: "TSBPF_NO_HDR" };

/** Each context's entry into the packet: data and data_end, as every context struct with direct packet access has them. */
function contextEntry(kind: ProgramKind, fn: "eth" | "packet"): string {
  const parser = fn === "eth" ? "tsbpf_parse_eth" : "tsbpf_parse_cursor";
  const bytes = kind.packet === "direct" ? "(__u8 *)(long)ctx->data, (__u8 *)(long)ctx->data_end" : "frame.pos, frame.end";
  const copy = kind.packet === "copy" ? "\tstruct tsbpf_hdr frame = tsbpf_copy_frame(ctx);\n\n\tif (!frame.pos)\n\t\treturn TSBPF_NO_HDR;\n" : "";
  return `static __always_inline struct tsbpf_hdr ${contextFunction(kind, fn)}(${kind.ctxC} *ctx)
{
${copy}\treturn ${parser}(${bytes});
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

static __always_inline struct tsbpf_hdr tsbpf_copy_frame(struct __sk_buff *ctx)
{
	__u32 zero = 0;
	struct tsbpf_scratch *s = tsbpf_map_lookup_elem(&tsbpf_scratch, &zero);

	if (!s)
		return TSBPF_NO_HDR;
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
			return TSBPF_NO_HDR;
	}
	return (struct tsbpf_hdr){ .pos = s->data, .next = s->data, .end = s->data + n, .next_proto = TSBPF_NO_NEXT };
}`;

const contextFunction = (kind: ProgramKind, fn: string) => `tsbpf_${kind.decorator}_${fn}`;

/** The entries the probe's programs use, e.g. tsbpf_xdp_eth, tsbpf_tc_packet. */
export function contextRuntime(lx: LowerContext): string[] {
  const entries = PROGRAM_KINDS.flatMap((k) => (["eth", "packet"] as const).filter((fn) => lx.helpers.has(contextFunction(k, fn))).map((fn) => ({ k, fn })));
  const copy = entries.some((e) => e.k.packet === "copy") ? [copyFrameRuntime()] : [];
  return [...copy, ...entries.map((e) => contextEntry(e.k, e.fn))];
}

/**
 * Raw reads and copies at a cursor: out of bounds they jump to the program's onError exit. Offsets are capped at 8 KiB
 * so the verifier, which tracks packet offsets below 64 KiB only, sees the bounds check, and so a socket filter's
 * scratch copy is larger than any offset.
 * A cursor's next_proto is its length limit (options() stop where their header does; TSBPF_NO_NEXT: the packet's end).
 */
export const RAW_READ_RUNTIME = `#define tsbpf_at(c, off, n) ({ struct tsbpf_hdr tsbpf_c_ = (c); __u32 tsbpf_o_ = (off); \\
	if (tsbpf_o_ > 0x1fff || tsbpf_o_ + (n) > tsbpf_c_.next_proto) goto tsbpf_on_error; \\
	__u8 *tsbpf_p_ = tsbpf_c_.pos + tsbpf_o_; \\
	if (tsbpf_p_ + (n) > tsbpf_c_.end) goto tsbpf_on_error; \\
	tsbpf_p_; })
#define tsbpf_read(c, off, bits) tsbpf_be##bits(tsbpf_at(c, off, bits / 8))
#define tsbpf_copy(dst, c, off, n) __builtin_memcpy(dst, tsbpf_at(c, off, n), n)
#define tsbpf_write8(c, off, v) (*(__u8 *)tsbpf_at(c, off, 1) = (v))
#define tsbpf_write16(c, off, v) (*(__u16 *)tsbpf_at(c, off, 2) = __builtin_bswap16(v))
#define tsbpf_write32(c, off, v) (*(__u32 *)tsbpf_at(c, off, 4) = __builtin_bswap32(v))
#define tsbpf_write64(c, off, v) (*(__u64 *)tsbpf_at(c, off, 8) = __builtin_bswap64(v))`;

/** The label every program with raw reads ends with. */
export const ON_ERROR_LABEL = "tsbpf_on_error";

export function lowerAccessorCall(lx: LowerContext, node: ts.CallExpression, callee: ts.PropertyAccessExpression, receiver: CExpr): CExpr {
  const receiverType = lx.typeOf(callee.expression);
  const width = receiverType.kind === "header" && receiverType.proto === "Cursor" ? CURSOR_READS[callee.name.text] : undefined;
  if (width) {
    lx.helpers.add("rawRead");
    return call("tsbpf_read", [receiver, lowerAs(lx, node.arguments[0]!, { kind: "int", name: "u32" }), num(width * 8)]);
  }
  if (receiverType.kind === "context") return contextCall(lx, node, callee.name.text, receiver);
  const write = receiverType.kind === "header" && receiverType.proto === "Cursor" ? CURSOR_WRITES[callee.name.text] : undefined;
  if (write) {
    lx.helpers.add("rawRead");
    const args = [receiver, lowerAs(lx, node.arguments[0]!, { kind: "int", name: "u32" }), lowerAs(lx, node.arguments[1]!, { kind: "int", name: write.type })];
    return call(`tsbpf_write${write.width * 8}`, args);
  }
  if (receiverType.kind !== "header") throw new Error(`internal: accessor on ${receiverType.kind}`);
  const parent = protocolByTsName(receiverType.proto)!;
  const child = lx.typeOf(node);
  if (child.kind !== "header") throw new Error("internal: accessor without a header type");
  const args = node.arguments.length ? [receiver, lowerAs(lx, node.arguments[0]!, { kind: "int", name: "u32" })] : [receiver];
  return call(childAccessorName(parent, callee.name.text), args);
}

export function lowerFieldRead(lx: LowerContext, node: ts.PropertyAccessExpression, receiver: CExpr): CExpr {
  const receiverType = lx.typeOf(node.expression);
  if (receiverType.kind !== "header") throw new Error(`internal: field read on ${receiverType.kind}`);
  return call(getterName(protocolByTsName(receiverType.proto)!, node.name.text), [receiver]);
}

/** `ip.ttl = v` → `tsbpf_ipv4_set_ttl(ip, v)`: the setter writes network order and fixes the checksums. */
export function lowerFieldWrite(lx: LowerContext, target: ts.PropertyAccessExpression, value: CExpr): CExpr {
  const header = lx.typeOf(target.expression);
  if (header.kind !== "header") throw new Error("internal: field write on a non-header");
  return call(setterName(protocolByTsName(header.proto)!, target.name.text), [lowerAs(lx, target.expression), value]);
}

/** ctx.eth(), ctx.packet(), ctx.adjustHead(delta) and the other adjustments (true when the helper returns 0). */
function contextCall(lx: LowerContext, node: ts.CallExpression, name: string, ctx: CExpr): CExpr {
  if (name === "eth" || name === "packet") {
    const kind = kindByContext((lx.typeOf((node.expression as ts.PropertyAccessExpression).expression) as { name: string }).name)!;
    lx.helpers.add(contextFunction(kind, name));
    if (kind.packet === "copy") lx.kernelHelpers.add("map_lookup_elem").add("skb_load_bytes_relative");
    return call(contextFunction(kind, name), [ctx]);
  }
  const helper = ADJUSTMENTS[name];
  if (!helper) throw new Error(`internal: unknown context method ${name}`);
  lx.kernelHelpers.add(helper);
  return binary("==", call(`tsbpf_${helper}`, [ctx, lowerAs(lx, node.arguments[0]!, { kind: "int", name: "i32" })]), num(0));
}
