// Statements with effects outside the function: raw packet reads and writes, address copies, trace/log, context writes, adjustments, calls.
import { call, index, member, method, name, num, str, unary, type Expr, type Stmt } from "./ast.js";
import { argumentsFor, boolExpr, intExpr, offsetExpr, valueOf } from "./expressions.js";
import type { Gen } from "./gen.js";
import { presentCursor } from "./headers.js";
import { functionCallable } from "./values.js";
import { returnStmt } from "./verdicts.js";
import { INT, INT_TYPES, isIntType, tagOf, type IntType, type VType } from "./types.js";

/** A cursor to read or write through: a cursor variable or a present header's payload. */
function cursorExpr(g: Gen): Expr | undefined {
  return presentCursor(g);
}

/** `const v: u16 = c.u16(off);` */
export function rawReadDeclaration(g: Gen): Stmt[] {
  const c = cursorExpr(g);
  if (!c) return [];
  const read = g.rnd.pick(g.api.cursor.reads);
  g.use(`Cursor.${read.name}()`);
  const init = method(c, read.name, [offsetExpr(g)], read.type);
  const v = g.local("raw", INT(read.type), false);
  return [{ k: "decl", kind: "const", name: v.name, type: read.type, init }];
}

/** `c.setU16(off, v);` (not in socket filters, whose packet is a read-only copy). */
export function rawWrite(g: Gen): Stmt[] {
  const c = cursorExpr(g);
  if (!c) return [];
  const write = g.rnd.pick(g.api.cursor.writes);
  g.use(`Cursor.${write.name}()`);
  return [{ k: "expr", e: method(c, write.name, [offsetExpr(g), intExpr(g, write.type, 1)]) }];
}

/** `const b = c.bytes(off, n);`: a FixedArray<u8, n> copy of packet bytes. */
export function bytesDeclaration(g: Gen): Stmt[] {
  const c = cursorExpr(g);
  if (!c) return [];
  const n = g.rnd.weighted([[g.rnd.between(1, 8), 4], [g.rnd.between(9, 64), 1]] as const);
  g.use(`Cursor.${g.api.cursor.bytes}()`);
  const init = method(c, g.api.cursor.bytes, [offsetExpr(g), num(n)]);
  const v = g.local("bytes", { k: "array", elem: INT("u8"), n }, false);
  return [{ k: "decl", kind: "const", name: v.name, init }];
}

/** `const mac = eth.src;`: an address copied out of a header (a let, so its bytes can be changed). */
export function addressCopy(g: Gen): Stmt[] {
  const options = g.scope.visible().flatMap((v) => (v.type.k === "header" && g.scope.isNonNull(v) ? g.api.headers.get(v.type.name)!.fields.filter((f) => f.type.k === "addr").map((f) => ({ v, f })) : []));
  if (options.length === 0) return [];
  const { v, f } = g.rnd.pick(options);
  const mutable = g.rnd.chance(0.4);
  g.use("address copy");
  g.use(`${(v.type as { name: string }).name}.${f.name}`);
  const copy = g.local("addr", f.type, mutable);
  return [{ k: "decl", kind: mutable ? "let" : "const", name: copy.name, init: member(name(v.name), f.name) }];
}

const WORDS = ["pkt", "len", "port", "seen", "flow", "val", "x", "hit", "ttl", "proto", "id"];

/** A format with one placeholder per argument, from `allowed`. */
function format(g: Gen, count: number, allowed: string[]): string {
  const parts = [g.rnd.pick(WORDS)];
  for (let i = 0; i < count; i++) parts.push(`${g.rnd.pick(WORDS)}=%${g.rnd.pick(allowed)}`);
  if (g.rnd.chance(0.1)) parts.push("100%%");
  return parts.join(" ");
}

/** An integer or bool argument for trace() and log. */
function printable(g: Gen): Expr {
  return g.rnd.chance(0.85) ? intExpr(g, g.rnd.pick(INT_TYPES), 1) : boolExpr(g, 1);
}

export function traceCall(g: Gen): Stmt[] {
  const args = Array.from({ length: g.rnd.between(0, 3) }, () => printable(g));
  g.use("trace");
  return [{ k: "expr", e: call(name("trace"), [str(format(g, args.length, ["d", "u", "x"])), ...args]) }];
}

export function logCall(g: Gen): Stmt[] {
  const level = g.rnd.pick(g.api.logLevels);
  const args = Array.from({ length: g.rnd.weighted([[g.rnd.between(0, 3), 4], [g.rnd.between(4, 8), 1]] as const) }, () => printable(g));
  g.use(`log.${level}`);
  return [{ k: "expr", e: method(name("log"), level, [str(format(g, args.length, ["d", "i", "u", "x"])), ...args]) }];
}

/** `ctx.mark = ...`, `ctx.raw.cb[i] = ...`: the context's writable fields (socket filters only rarely: the kernel may refuse). */
export function contextWrite(g: Gen): Stmt[] {
  const program = g.fn.program!;
  const r = g.rnd;
  const options: { target: () => Expr; type: VType; feature: string }[] = [];
  for (const f of program.fields.filter((f) => f.writable)) options.push({ target: () => member(name("ctx"), f.name), type: f.type, feature: `${program.name}.${f.name}=` });
  const raw = program.rawFields.filter((f) => f.writable && (!program.packetReadOnly || r.chance(0.15)));
  for (const f of raw) {
    const place = () => member(member(name("ctx"), "raw"), f.name);
    if (f.type.k === "array") {
      const n = f.type.n;
      options.push({ target: () => index(place(), num(r.below(n))), type: f.type.elem, feature: `${program.rawType}.${f.name}=` });
    } else options.push({ target: place, type: f.type, feature: `${program.rawType}.${f.name}=` });
  }
  if (options.length === 0) return [];
  const o = r.pick(options);
  g.use(o.feature);
  const t = o.type as { k: "int"; t: IntType };
  return [{ k: "assign", target: o.target(), op: r.chance(0.8) ? "=" : "+=", value: intExpr(g, t.t, 1) }];
}

/** `if (!ctx.adjustHead(-4)) return ...;`: every header and cursor taken before is stale afterwards. */
export function adjustment(g: Gen): Stmt[] {
  const program = g.fn.program!;
  const r = g.rnd;
  const which = r.pick(program.adjustments);
  g.use(`${program.name}.${which}`);
  const delta = r.chance(0.8) ? signed(r.pick([-64, -16, -8, -4, -2, 2, 4, 8, 14, 16, 64])) : intExpr(g, "i32", 1);
  const adjust = method(name("ctx"), which, [delta], "bool");
  g.scope.markPacketStale();
  const form = r.weighted([["guard", 3], ["statement", 1], ["value", 1]] as const);
  if (form === "guard") return [{ k: "if", cond: unary("!", adjust), then: [returnStmt(g)] }];
  if (form === "statement") return [{ k: "expr", e: adjust }];
  const v = g.local("moved", { k: "bool" }, false);
  return [{ k: "decl", kind: "const", name: v.name, type: "bool", init: adjust }];
}

const signed = (v: number): Expr => (v < 0 ? unary("-", num(-v), "i32") : num(v, "i32"));

/** A call whose result is dropped: a void function, or another one for its effects. */
export function callStatement(g: Gen): Stmt[] {
  const fs = g.functions.filter((f) => functionCallable(g, f.params));
  if (fs.length === 0) return [];
  const f = g.rnd.pick(fs);
  g.use(f.noinline ? "call @noinline" : "call function");
  return [{ k: "expr", e: call(name(f.name), f.params.map((p) => valueOf(g, p.type, p.nullable)), f.returns ? tagOf(f.returns) : undefined) }];
}

/** `redirect(ifindex);` as a statement, its verdict dropped. */
export function redirectStatement(g: Gen): Stmt[] {
  const helper = g.api.helpers.find((h) => h.returns.split(" | ").every((t) => g.api.enums.has(t)));
  if (!helper) return [];
  g.use(`helper ${helper.name} statement`);
  return [{ k: "expr", e: call(name(helper.name), argumentsFor(g, helper.params)) }];
}
