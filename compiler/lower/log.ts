// Lowers log.info/warn/error to one ring buffer record per call: the site number, a timestamp and each argument as 64 bits.
import { ts } from "ts-morph";
import { call, cast, id, type CStmt, type SourceLine } from "../c/ast.js";
import { printExpr } from "../c/printer.js";
import type { LogSite } from "../check/log.js";
import { INTS } from "../types/int-types.js";
import type { LowerContext } from "./context.js";
import { lowerAs } from "./expressions.js";

/** The ring buffer every log call writes to (a runtime name: user names cannot start with tsbpf_). */
export const LOG_MAP = "tsbpf_log";
export const LOG_MAP_BYTES = 65536;
/** Bytes before the arguments: u32 site, u32 reserved, u64 timestamp (ktime_get_ns). */
export const LOG_HEADER_BYTES = 16;

export function logMapDefinition(): string {
  return `/* log.info/warn/error events: struct { __u32 site; __u32 reserved; __u64 ns; __u64 args[]; } */\nstruct {\n\tint (*type)[27]; /* BPF_MAP_TYPE_RINGBUF */\n\tint (*max_entries)[${LOG_MAP_BYTES}];\n} ${LOG_MAP} SEC(".maps");`;
}

export function logSiteOf(lx: LowerContext, e: ts.Expression): LogSite | undefined {
  return ts.isCallExpression(e) ? lx.checked.cx.logSites.find((s) => s.node === e) : undefined;
}

export function lowerLog(lx: LowerContext, site: LogSite, at: SourceLine): CStmt {
  lx.kernelHelpers.add("ringbuf_output").add("ktime_get_ns");
  const args = site.node.arguments.slice(1).map((a) => {
    const t = lx.typeOf(a);
    const signed = (t.kind === "int" && INTS[t.name].signed) || (t.kind === "const" && t.value < 0n);
    const value = lowerAs(lx, a, t.kind === "const" ? { kind: "int", name: signed ? "i64" : "u64" } : undefined);
    return printExpr(cast("__u64", signed ? cast("__s64", value) : value));
  });
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
