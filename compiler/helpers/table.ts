// The helper functions a probe can call, described once: signature, minimum kernel and the C they lower to.
import { assign, binary, cast, decl, hex, id, num, ret, unary, type CExpr, type CStmt } from "../c/ast.js";
import type { IntName } from "../types/int-types.js";
import type { ProgramDecorator } from "../programs/kinds.js";

/** An integer type, or "Verdict": the verdict enum of the program that calls it (XdpAction in @xdp, TcAction in @tc). */
export type HelperType = IntName | "Verdict";

export interface HelperSpec {
  name: string;
  params: { name: string; type: HelperType; optional?: { default: bigint } }[];
  returns: HelperType;
  minKernel: string;
  /** The program kinds (decorators) whose kernel offers the helper; absent: every kind. */
  kinds?: readonly ProgramDecorator[];
  doc: string;
  /** The kernel helper it calls (the C is `tsbpf_<kernel>(args)`), or the body of an inline function over the parameters. */
  lower: { kernel: string } | { body: () => CStmt[] };
}

/** x = (x & 0xffff) + (x >> 16), `times` times: a one's-complement sum folded toward 16 bits. */
const fold = (x: string, times: number): CStmt[] => Array.from({ length: times }, () => assign(id(x), binary("+", binary("&", id(x), hex(0xffff)), binary(">>", id(x), num(16)))));
/** The complement of x's low 16 bits. */
const complement16 = (x: CExpr): CExpr => cast("__u16", unary("~", x));
/** a + b + ...: terms added left to right. */
const sum = (...terms: CExpr[]): CExpr => terms.reduce((a, b) => binary("+", a, b));

export const HELPERS: readonly HelperSpec[] = [
  { name: "ktimeNs", params: [], returns: "u64", minKernel: "4.1", lower: { kernel: "ktime_get_ns" }, doc: "Nanoseconds since boot, not counting time suspended (CLOCK_MONOTONIC)." },
  { name: "bootNs", params: [], returns: "u64", minKernel: "5.8", lower: { kernel: "ktime_get_boot_ns" }, doc: "Nanoseconds since boot, counting time suspended (CLOCK_BOOTTIME)." },
  { name: "randomU32", params: [], returns: "u32", minKernel: "4.1", lower: { kernel: "get_prandom_u32" }, doc: "A pseudo-random number (not for cryptography)." },
  { name: "cpuId", params: [], returns: "u32", minKernel: "4.1", lower: { kernel: "get_smp_processor_id" }, doc: "The number of the CPU running the program." },
  {
    name: "redirect", params: [{ name: "ifindex", type: "u32" }, { name: "flags", type: "u64", optional: { default: 0n } }], returns: "Verdict", minKernel: "4.14", lower: { kernel: "redirect" },
    kinds: ["xdp", "tc"],
    doc: "Sends the packet out of interface ifindex: returns the program's redirect verdict (XdpAction.Redirect, TcAction.Redirect), or XdpAction.Aborted / TcAction.Shot if flags are invalid.",
  },
  {
    name: "csumFold", params: [{ name: "sum", type: "u32" }], returns: "u16", minKernel: "any",
    lower: { body: () => [...fold("sum", 2), ret(complement16(id("sum")))] },
    doc: "Folds a 32-bit one's-complement sum to 16 bits and complements it: the Internet checksum of the summed data.",
  },
  {
    name: "csumReplace16", params: [{ name: "check", type: "u16" }, { name: "from", type: "u16" }, { name: "to", type: "u16" }], returns: "u16", minKernel: "any",
    lower: { body: () => [decl("__u32", "s", sum(complement16(id("check")), cast("__u32", complement16(id("from"))), id("to"))), ...fold("s", 2), ret(complement16(id("s")))] },
    doc: "The Internet checksum check after a 16-bit word of the data changes from `from` to `to` (RFC 1624: ~(~check + ~from + to)).",
  },
  {
    name: "csumReplace32", params: [{ name: "check", type: "u16" }, { name: "from", type: "u32" }, { name: "to", type: "u32" }], returns: "u16", minKernel: "any",
    lower: {
      body: () => {
        const [from, to] = [id("from"), id("to")];
        const s = sum(complement16(id("check")), cast("__u64", complement16(binary(">>", from, num(16)))), complement16(from), binary(">>", to, num(16)), binary("&", to, hex(0xffff)));
        return [decl("__u64", "s", s), ...fold("s", 3), ret(complement16(id("s")))];
      },
    },
    doc: "The Internet checksum check after a 32-bit word of the data (an IPv4 address) changes from `from` to `to`.",
  },
];

export function helperByName(name: string): HelperSpec | undefined {
  return HELPERS.find((h) => h.name === name);
}
