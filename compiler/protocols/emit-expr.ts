// Turns a protocol description's expressions (protocols/expr.ts) into C AST over a header value.
import { binary, call, cast, cond, deref, hex, id, member, num, offsetFrom, type CExpr } from "../c/ast.js";
import { mentions, type DescExpr } from "./expr.js";
import type { ProtocolSpec } from "./schema.js";

export const getterName = (p: ProtocolSpec, field: string) => `tsbpf_${p.name}_${field}`;

/** What an expression is computed over: the header value, and the extension header's first byte in a chain walk. */
export interface ExprScope {
  header: CExpr;
  extension?: CExpr;
}

/** Whether a field of p reads its length: its parser then records it (emit-parsers.ts, recordLength). */
export const recordsLength = (p: ProtocolSpec): boolean => p.fields.some((f) => "expr" in f.read && mentions(f.read.expr, "length"));

/** Numbers from 256 up print in hex, as masks and selectors are written. */
const literal = (value: number): CExpr => (value >= 0x100 ? hex(value) : num(value));

/** The C of a description expression of protocol p; fields are read through their getters, with the packet's end `end`. */
export function descToC(p: ProtocolSpec, e: DescExpr, scope: ExprScope): CExpr {
  const h = scope.header;
  const c = (x: DescExpr) => descToC(p, x, scope);
  switch (e.k) {
    case "field":
      if (!p.fields.some((f) => f.name === e.name)) throw new Error(`protocol ${p.name}: unknown field ${e.name}`);
      return call(getterName(p, e.name), [h, id("end")]);
    case "length":
      if (!(p.tags || p.chain || p.length)) return literal(p.minLength);
      // recorded by the parser where a field reads it (emit-parsers.ts, recordLength)
      return recordsLength(p) ? member(h, "len") : cast("__u32", call("tsbpf_distance", [member(h, "pos"), member(h, "next")]));
    case "nextProto":
      // kept as it lies (selectorInPacketOrder): swapped where it is read as a value
      return p.selectorInPacketOrder ? call("__builtin_bswap16", [cast("__u16", member(h, "next_proto"))]) : member(h, "next_proto");
    case "index":
      return id("index");
    case "cursorLength":
      return call("tsbpf_cursor_length", [h, id("end")]);
    case "noNext":
      return id("TSBPF_NO_NEXT");
    case "num":
      return literal(e.value);
    case "load": {
      const base = e.base === "header" ? member(h, "pos") : scope.extension;
      if (!base) throw new Error(`protocol ${p.name}: an extension header's bytes are read only in its chain`);
      const at = e.at ? offsetFrom(base, e.at) : base;
      return e.raw ? deref(`__u${e.width * 8}`, at) : call(`tsbpf_be${e.width * 8}`, [at]);
    }
    case "binary":
      return binary(e.op, c(e.left), c(e.right));
    case "choose":
      return cond(c(e.test), c(e.then), c(e.otherwise));
    case "is":
      return call("tsbpf_is", [c(e.value), literal(e.to)]);
    case "noneUnlessZero":
      return call("tsbpf_none_unless_zero", [c(e.flag), c(e.value)]);
  }
}
