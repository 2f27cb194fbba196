// Protocol descriptions hold no C: their expressions are trees (protocols/expr.ts) that emit-expr.ts turns into C AST.
import { describe, expect, it } from "vitest";
import { printExpr } from "../../compiler/c/printer.js";
import { descToC } from "../../compiler/protocols/emit-expr.js";
import { add, and, anyBit, choose, extLoad, field, hasChoice, is, LENGTH, mentions, mul, NEXT_PROTO, noneUnlessZero, rawLoad } from "../../compiler/protocols/expr.js";
import { PROTOCOLS, protocolByName } from "../../compiler/protocols/index.js";
import { id } from "../../compiler/c/ast.js";

/** The keys whose strings are names (of headers, fields, accessors), prose, or the tags of expression trees: not code. */
const PROSE = new Set(["name", "tsName", "doc", "accessorDoc", "type", "accessor", "parent", "field", "k", "op", "base", "pseudoHeader"]);

/** The strings of a description that are neither names nor prose. */
const code = (p: object, name: string) => strings(p, name).filter(([path]) => !PROSE.has(path.split(".").at(-1)!.replace(/\[\d+\]$/, "")));

/** Every string in a value with the path that leads to it. */
function strings(value: unknown, path: string): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`));
  return [];
}

const ipv4 = protocolByName("ipv4")!;
const print = (e: Parameters<typeof descToC>[1]) => printExpr(descToC(ipv4, e, { header: id("h"), extension: id("b") }));

describe("protocol descriptions", () => {
  it("hold strings only as names and prose", () => {
    expect(PROTOCOLS.flatMap((p) => code(p, p.name))).toEqual([]);
  });

  it("the check above sees a C string slipped into a description", () => {
    const bad = { ...ipv4, length: "{ihl} * 4" };
    expect(code(bad, "ipv4")).toEqual([["ipv4.length", "{ihl} * 4"]]);
  });

  it("print as C through the AST", () => {
    expect(print(mul(field("ihl"), 4))).toBe("tsbpf_ipv4_ihl(h, end) * 4");
    expect(print(anyBit(field("fragmentField"), 0x3fff))).toBe("(tsbpf_ipv4_fragmentField(h, end) & 0x3fff) != 0");
    expect(print(is(field("version"), 4))).toBe("tsbpf_is(tsbpf_ipv4_version(h, end), 4)");
    expect(print(noneUnlessZero(and(rawLoad(6, 2), 0xff1f), field("protocol")))).toBe("tsbpf_none_unless_zero(*(__u16 *)(h.pos + 6) & 0xff1f, tsbpf_ipv4_protocol(h, end))");
    expect(print(mul(add(extLoad(1, 1), 1), 8))).toBe("(tsbpf_be8(b + 1) + 1) * 8");
    expect(print(extLoad(0, 1))).toBe("tsbpf_be8(b)");
    expect(print(LENGTH)).toBe("(__u32)tsbpf_distance(h.pos, h.next)");
  });

  it("read a length the parser records where a field reads it, and a fixed length as a constant", () => {
    const over = (name: string) => printExpr(descToC(protocolByName(name)!, LENGTH, { header: id("h") }));
    // Ethernet's vlanCount and IPv6's extensionLength read it: the parser keeps it (emit-parsers.ts, recordLength)
    expect(over("eth")).toBe("h.len");
    expect(over("ipv6")).toBe("h.len");
    expect(over("udp")).toBe("8");
  });

  it("swap a next protocol kept in packet order where it is read as a value", () => {
    const eth = protocolByName("eth")!;
    expect(printExpr(descToC(eth, NEXT_PROTO, { header: id("h") }))).toBe("__builtin_bswap16((__u16)h.next_proto)");
    expect(print(NEXT_PROTO)).toBe("h.next_proto");
  });

  it("refuse a field the header does not have, and extension bytes outside a chain", () => {
    expect(() => print(field("nope"))).toThrow(/protocol ipv4: unknown field nope/);
    expect(() => printExpr(descToC(ipv4, extLoad(0, 1), { header: id("h") }))).toThrow(/only in its chain/);
  });

  it("know what they read and whether they choose", () => {
    const gre = protocolByName("gre")!;
    expect(hasChoice(gre.length)).toBe(true);
    expect(hasChoice(ipv4.length)).toBe(false);
    expect(mentions(ipv4.length!, { field: "ihl" })).toBe(true);
    expect(mentions(ipv4.length!, "length")).toBe(false);
    expect(mentions(choose(1, LENGTH, 0), "length")).toBe(true);
  });
});
