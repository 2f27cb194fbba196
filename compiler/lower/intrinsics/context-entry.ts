// Each program kind's way into its packet, as C AST: ctx.eth() and ctx.packet(), and a socket filter's copy of its frame.
import { assign, binary, call, decl, inlineFunction, slotDecl, id, ifThen, member, not, num, ret, unary, type CExpr, type CFunction, type CStmt, type CTopLevel } from "../../c/ast.js";
import { mapKind } from "../../maps/kinds.js";
import { UNTAGGED } from "../../protocols/emit-parsers.js";
import { PROGRAM_KINDS, type ProgramKind } from "../../programs/kinds.js";
import { statesAreFew } from "../last-use.js";
import type { LowerContext } from "../context.js";
import { mapDefinition } from "../maps.js";

/** The helper name lowering records when a function copies a socket filter's frame. */
export const COPY_FRAME = "copyFrame";

export const contextFunction = (kind: ProgramKind, fn: EntryName) => `tsbpf_${kind.decorator}_${fn}`;

/** The entry of an Ethernet header parsed with its tags seen but not walked (lower/tag-refusal.ts). */
export const UNTAGGED_ETH = `eth${UNTAGGED}` as const;

type EntryName = "eth" | "packet" | typeof UNTAGGED_ETH;

const header = (fields: [string, CExpr][]): CExpr => ({ k: "compound", type: "struct tsbpf_hdr", fields });

/**
 * Each context's entry into the packet: ctx.eth() parses an Ethernet header at its start, ctx.packet() is a cursor
 * there (a socket filter whose frame could not be copied gets an empty cursor: its length limit is 0), from a pointer
 * of its own (moved by a hidden 0) unless the probe is small and loop-free (`few`: lower/last-use.ts, statesAreFew).
 */
function contextEntry(kind: ProgramKind, fn: EntryName, few: boolean): CFunction {
  const direct = kind.packet === "direct";
  const ctx = id("ctx");
  const frame = id("frame");
  const start = direct ? call("tsbpf_ctx_ptr", [ctx, id("data")]) : member(frame, "data");
  const end = direct ? call("tsbpf_end", [ctx]) : member(frame, "end");
  const params = direct ? [{ type: `${kind.ctxC} *`, name: "ctx" }] : [{ type: "struct tsbpf_frame", name: "frame" }];
  let body: CExpr;
  if (fn === "eth" || fn === UNTAGGED_ETH) body = call(fn === "eth" ? "tsbpf_parse_eth" : `tsbpf_parse_eth${UNTAGGED}`, [start, end]);
  else if (direct) body = call("tsbpf_cursor_at", [few ? start : call("tsbpf_fresh_by", [start, call("tsbpf_ctx_get", [ctx, id(kind.unknownField!), id("u32")])])]);
  else body = header([["pos", start], ["next", start], ["next_proto", { k: "cond", test: start, then: id("TSBPF_NO_NEXT"), else: num(0) }], ["ok", num(1)]]);
  return inlineFunction(contextFunction(kind, fn), "struct tsbpf_hdr", params, [ret(body)]);
}

/**
 * Socket filters have no direct packet access: the frame, from its MAC header, is copied into a per-CPU scratch buffer
 * and parsed there, read-only. The buffer is larger than any offset the parsers and raw reads can reach, so every
 * access is inside it for the verifier, and the copy (at most 8 KiB) bounds what the program sees.
 */
const scratch = () => ({ name: "tsbpf_scratch", kind: mapKind("PerCpuArray")!, size: 1, key: { kind: "int", name: "u32" }, value: { kind: "struct", name: "", cName: "tsbpf_scratch" } }) as const;

function copyFrame(): CTopLevel[] {
  const [ctx, s, n] = [id("ctx"), id("s"), id("n")];
  const none = ret({ k: "compound", type: "struct tsbpf_frame", fields: [["data", num(0)]] });
  const data = member(s, "data", true);
  const capped = [assign(n, member(ctx, "len", true)), ifThen(binary(">", n, id("TSBPF_COPY_MAX")), [assign(n, id("TSBPF_COPY_MAX"))])];
  // the copy from the MAC header (BPF_HDR_START_MAC, 0), n bytes
  const failed = binary("||", binary("==", n, num(0)), binary("!=", call("tsbpf_skb_load_bytes_relative", [ctx, num(0), data, n, num(0)]), num(0)));
  const body: CStmt[] = [
    slotDecl("__u32", "zero", num(0)),
    decl("struct tsbpf_scratch *", "s", call("tsbpf_map_lookup_elem", [unary("&", id("tsbpf_scratch")), unary("&", id("zero"))])),
    ifThen(not(s), [none]),
    { k: "comment", text: "skb->len counts from the socket's data, which starts at the network header for most sockets: try the\nEthernet header's 14 bytes more, then exactly len (packet sockets, where data is the MAC header)" },
    decl("__u32", "n", binary("+", member(ctx, "len", true), num(14))),
    ifThen(binary(">", n, id("TSBPF_COPY_MAX")), [assign(n, id("TSBPF_COPY_MAX"))]),
    ifThen(failed, [...capped, ifThen(failed, [none])]),
    ret({ k: "compound", type: "struct tsbpf_frame", fields: [["data", data], ["end", binary("+", data, n)]] }),
  ];
  return [
    { k: "macro", macro: { name: "TSBPF_SCRATCH_SIZE", body: num(32768) } },
    { k: "macro", macro: { name: "TSBPF_COPY_MAX", body: num(8192) } },
    { k: "struct", tag: "tsbpf_scratch", fields: [{ type: "__u8", name: "data", length: "TSBPF_SCRATCH_SIZE" }] },
    mapDefinition(scratch(), "the socket filters' copy of the frame, one per CPU"),
    { k: "struct", tag: "tsbpf_frame", fields: [{ type: "__u8 *", name: "data" }, { type: "__u8 *", name: "end" }], comment: "A socket filter's copy of its frame: data is NULL when it could not be made." },
    { k: "function", fn: inlineFunction("tsbpf_copy_frame", "struct tsbpf_frame", [{ type: "struct __sk_buff *", name: "ctx" }], body) },
  ];
}

/** The entries the probe's programs use, e.g. tsbpf_xdp_eth, tsbpf_tc_packet. */
export function contextRuntime(lx: LowerContext): CTopLevel[] {
  const entries = PROGRAM_KINDS.flatMap((k) => (["eth", UNTAGGED_ETH, "packet"] as const).filter((fn) => lx.helpers.has(contextFunction(k, fn))).map((fn) => ({ k, fn })));
  const copy = lx.helpers.has(COPY_FRAME) ? copyFrame() : [];
  return [...copy, ...entries.map((e): CTopLevel => ({ k: "function", fn: contextEntry(e.k, e.fn, statesAreFew(lx)) }))];
}

