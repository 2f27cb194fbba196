// Lowers log.info/warn/error to one ring buffer record per call: the site number, a timestamp and each argument as 64 bits.
import { ts } from "ts-morph";
import { call, cast, id, num, unary, type CExpr, type CStmt, type CTopLevel, type SourceLine } from "../c/ast.js";
import type { LogSite } from "../check/log.js";
import type { LowerContext } from "./context.js";
import { widenTo64 } from "./intrinsics/trace.js";
import { mapDefinition } from "./maps.js";
import { mapKind } from "../maps/kinds.js";

/** The ring buffer every log call writes to (a runtime name: user names cannot start with tsbpf_). */
export const LOG_MAP = "tsbpf_log";
export const LOG_MAP_BYTES = 65536;
/** Bytes before the arguments: u32 site, u32 reserved, u64 timestamp (ktime_get_ns). */
export const LOG_HEADER_BYTES = 16;

export function logMapDefinition(): CTopLevel {
  const ring = { name: LOG_MAP, kind: mapKind("RingBuf")!, size: LOG_MAP_BYTES, value: { kind: "int", name: "u64" } as const };
  return mapDefinition(ring, "log.info/warn/error events: struct { __u32 site; __u32 reserved; __u64 ns; __u64 args[]; }");
}

export function logSiteOf(lx: LowerContext, e: ts.Expression): LogSite | undefined {
  return ts.isCallExpression(e) ? lx.facts.logSites.find((s) => s.node === e) : undefined;
}

export function lowerLog(lx: LowerContext, site: LogSite, at: SourceLine): CStmt {
  lx.kernelHelpers.add("ringbuf_output").add("ktime_get_ns");
  // each argument sign- or zero-extended to 64 bits, stored unsigned
  const args = site.node.arguments.slice(1).map((a) => cast("__u64", widenTo64(lx, a)));
  const record = `tsbpf_log_record${args.length}`;
  if (!lx.accessors.has(record)) {
    const fields = [{ type: "__u32", name: "site" }, { type: "__u32", name: "reserved" }, { type: "__u64", name: "ns" }, ...(args.length ? [{ type: "__u64", name: "args", length: args.length }] : [])];
    lx.accessors.set(record, [{ k: "struct", tag: record, fields, comment: `a log record with ${args.length} argument${args.length === 1 ? "" : "s"}` }]);
  }
  const init: CExpr[] = [num(site.id), num(0), call("tsbpf_ktime_get_ns", []), ...(args.length ? [{ k: "initList", items: args } as CExpr] : [])];
  const event = id("tsbpf_event");
  return {
    k: "block",
    body: [
      { k: "decl", type: `struct ${record}`, name: "tsbpf_event", init: { k: "initList", items: init }, at },
      { k: "expr", expr: call("tsbpf_ringbuf_output", [unary("&", id(LOG_MAP)), unary("&", event), { k: "sizeof", operand: event }, num(0)]), at },
    ],
    at,
  };
}
