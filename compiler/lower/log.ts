// Lowers log.info/warn/error to one ring buffer record per call: the site number, a timestamp and each argument as 64 bits.
import { ts } from "ts-morph";
import { call, cast, id, type CStmt, type SourceLine } from "../c/ast.js";
import { printExpr } from "../c/printer.js";
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

export function logMapDefinition(): string {
  const ring = { name: LOG_MAP, kind: mapKind("RingBuf")!, size: LOG_MAP_BYTES, value: { kind: "int", name: "u64" } as const };
  return mapDefinition(ring, "log.info/warn/error events: struct { __u32 site; __u32 reserved; __u64 ns; __u64 args[]; }");
}

export function logSiteOf(lx: LowerContext, e: ts.Expression): LogSite | undefined {
  return ts.isCallExpression(e) ? lx.facts.logSites.find((s) => s.node === e) : undefined;
}

export function lowerLog(lx: LowerContext, site: LogSite, at: SourceLine): CStmt {
  lx.kernelHelpers.add("ringbuf_output").add("ktime_get_ns");
  // each argument sign- or zero-extended to 64 bits, stored unsigned
  const args = site.node.arguments.slice(1).map((a) => printExpr(cast("__u64", widenTo64(lx, a))));
  const fields = ["__u32 site;", "__u32 reserved;", "__u64 ns;", ...(args.length ? [`__u64 args[${args.length}];`] : [])].join(" ");
  const init = [`${site.id}`, "0", "tsbpf_ktime_get_ns()", ...(args.length ? [`{ ${args.join(", ")} }`] : [])].join(", ");
  return {
    k: "block",
    body: [
      { k: "decl", type: `struct { ${fields} }`, name: "tsbpf_event", init: id(`{ ${init} }`), at },
      { k: "expr", expr: call("tsbpf_ringbuf_output", [id(`&${LOG_MAP}`), id("&tsbpf_event"), id("sizeof(tsbpf_event)"), id("0")]), at },
    ],
    at,
  };
}
