// Header accessor chains at any depth (optional chaining included), header and cursor variables, null guards and header writes.
import { binary, cond, member, method, name, num, unary, type Expr, type Stmt } from "./ast.js";
import { addressValue } from "./aggregates.js";
import { boolExpr, intExpr } from "./expressions.js";
import type { Gen } from "./gen.js";
import type { Var } from "./scope.js";
import { escapeStmt } from "./verdicts.js";
import { tagOf, type VType } from "./types.js";

export interface Chain {
  expr: Expr;
  /** A header interface name, or "Cursor". */
  kind: string;
  nullable: boolean;
  undefinable: boolean;
}

const kindType = (kind: string): VType => (kind === "Cursor" ? { k: "cursor" } : { k: "header", name: kind });
const viewOf = (g: Gen, kind: string) => (kind === "Cursor" ? g.api.cursor : g.api.headers.get(kind)!);

/** The places a chain may start: the context's eth() and packet() in a program, and header and cursor variables. */
function roots(g: Gen): Chain[] {
  const out: Chain[] = [];
  if (g.inProgram) {
    out.push({ expr: method(name("ctx"), "eth"), kind: "Ethernet", nullable: true, undefinable: false });
    out.push({ expr: method(name("ctx"), "packet"), kind: "Cursor", nullable: false, undefinable: false });
  }
  for (const v of g.scope.visible()) {
    if (v.type.k !== "header" && v.type.k !== "cursor") continue;
    const kind = v.type.k === "cursor" ? "Cursor" : v.type.name;
    const present = g.scope.isNonNull(v);
    out.push({ expr: name(v.name), kind, nullable: !present, undefinable: !present && v.undefinable });
  }
  return out;
}

/** One accessor step from `from`; optional chaining once the chain may be null. */
function step(g: Gen, from: Chain, onlyPresent: boolean): Chain | undefined {
  const accessors = viewOf(g, from.kind).accessors.filter((a) => !onlyPresent || (!a.nullable && !from.nullable));
  if (accessors.length === 0) return undefined;
  const a = g.rnd.pick(accessors);
  g.use(`${from.kind}.${a.name}()`);
  if (from.nullable) g.use("?.");
  const args = a.indexed ? [g.rnd.chance(0.7) ? num(g.rnd.below(3)) : intExpr(g, "u32", 1)] : [];
  return {
    expr: method(from.expr, a.name, args, undefined, from.nullable),
    kind: a.child,
    nullable: from.nullable || a.nullable,
    undefinable: from.undefinable || from.nullable,
  };
}

/** A chain of one to `maxSteps` accessors from a random root. */
export function accessorChain(g: Gen, maxSteps = 4): Chain | undefined {
  const starts = roots(g);
  if (starts.length === 0) return undefined;
  let chain = g.rnd.pick(starts);
  const steps = g.rnd.between(1, maxSteps);
  for (let i = 0; i < steps; i++) chain = step(g, chain, false) ?? chain;
  return chain.expr.k === "call" ? chain : undefined;
}

/** A cursor that is certainly there: ctx.packet(), a present header's payload() or options(), a cursor variable. */
export function presentCursor(g: Gen): Expr | undefined {
  const options = roots(g).filter((c) => !c.nullable);
  const fromHeaders = options.flatMap((c) => (c.kind === "Cursor" ? [c] : [step(g, c, true)].filter((x): x is Chain => !!x && x.kind === "Cursor")));
  return fromHeaders.length ? g.rnd.pick(fromHeaders).expr : undefined;
}

/** `const ip = ctx.eth()?.ipv4();`, sometimes a `let`, often followed by a guard that narrows it. */
export function headerDeclaration(g: Gen): Stmt[] {
  const chain = g.rnd.chance(0.12) ? headerChoice(g) : accessorChain(g);
  if (!chain) return [];
  const mutable = g.rnd.chance(0.25);
  if (mutable) g.use("let header");
  const base = chain.kind === "Cursor" ? "c" : chain.kind.toLowerCase();
  const v = g.scope.declare({ name: g.scope.fresh(base), type: kindType(chain.kind), mutable, nullable: chain.nullable, undefinable: chain.undefinable, loopDepth: g.loopDepth });
  const out: Stmt[] = [{ k: "decl", kind: mutable ? "let" : "const", name: v.name, init: chain.expr }];
  if (v.nullable && g.rnd.chance(0.5)) out.push(guard(g, v));
  return out;
}

/**
 * `if (!h) return ...;` (or continue/break in a loop): h is present after it. An Ethernet `const` is sometimes refused
 * when tagged in the same test (`!eth || eth.vlanCount != 0`), which lets the compiler parse it without its tags.
 */
export function guard(g: Gen, v: Var): Stmt {
  let test = g.rnd.weighted([[unary("!", name(v.name)), 3], [binary("==", name(v.name), name("null")), 1]] as const);
  if (v.type.k === "header" && v.type.name === "Ethernet" && !v.mutable && g.rnd.chance(0.4)) {
    test = binary("||", test, binary(g.rnd.pick(["!=", ">"]), member(name(v.name), "vlanCount", "u8"), num(0, "u8"), "bool"), "bool");
    g.use("tag refusal");
  }
  // the escape runs where v is null: hide v while writing it
  const escape = g.scope.nested(() => (g.scope.hide(v), escapeStmt(g)));
  g.scope.narrow(v);
  g.use("guard");
  return { k: "if", cond: test, then: [escape] };
}

/** `h != null ? h.tcp() : null` (or another chain of the same kind): choosing between headers. */
function headerChoice(g: Gen): Chain | undefined {
  const candidates = roots(g).filter((c) => c.nullable && c.expr.k === "name");
  if (candidates.length === 0) return undefined;
  const from = g.rnd.pick(candidates);
  const present = step(g, { ...from, nullable: false, undefinable: false }, false);
  if (!present || present.kind === "Cursor") return undefined;
  // where the test fails `from` is null: the alternative may not use it
  const other = g.scope.nested(() => (g.scope.hide(from.expr.k === "name" ? from.expr.name : ""), accessorChain(g, 3)));
  const alternative = other && other.kind === present.kind ? other : { expr: name("null"), kind: present.kind, nullable: true, undefinable: false };
  g.use("header choice");
  return { expr: cond(binary("!=", from.expr, name("null")), present.expr, alternative.expr), kind: present.kind, nullable: true, undefinable: alternative.undefinable };
}

/** `h.ttl = ...`, `h.ttl -= 1`, `tcp.syn = ...`, `eth.dst = eth.src`: header writes that keep checksums. */
export function headerWrite(g: Gen): Stmt[] {
  if (g.fn.program?.packetReadOnly) return [];
  const r = g.rnd;
  const writes = g.scope.visible().flatMap((v) => (v.type.k === "header" && g.scope.isNonNull(v) ? g.api.headers.get(v.type.name)!.fields.filter((f) => f.writable).map((f) => ({ v, f, header: (v.type as { name: string }).name })) : []));
  if (writes.length === 0) return [];
  const { v, f, header } = r.pick(writes);
  g.use(`${header}.${f.name}=`);
  const target = member(name(v.name), f.name, tagOf(f.type));
  if (f.type.k === "int") {
    const op = r.weighted([["=", 4], ["+=", 1], ["-=", 1], ["|=", 0.5], ["&=", 0.5], ["^=", 0.3]] as const);
    return [{ k: "assign", target, op, value: intExpr(g, f.type.t, 2) }];
  }
  if (f.type.k === "bool") return [{ k: "assign", target, op: "=", value: boolExpr(g, 1) }];
  if (f.type.k === "addr") {
    const value = addressValue(g, f.type.name);
    return value ? [{ k: "assign", target, op: "=", value }] : [];
  }
  return [];
}

/** `let c = ...` then reassigned: a let header or cursor variable gets another chain of its kind. */
export function headerReassign(g: Gen): Stmt[] {
  const lets = g.scope.visible().filter((v) => v.mutable && !v.ref && (v.type.k === "header" || v.type.k === "cursor"));
  if (lets.length === 0) return [];
  const v = g.rnd.pick(lets);
  const kind = v.type.k === "cursor" ? "Cursor" : (v.type as { name: string }).name;
  for (let attempt = 0; attempt < 6; attempt++) {
    // a chain from the variable itself (`c = c?.udp()`) leaves TypeScript without a type for it
    const chain = g.scope.nested(() => (g.scope.hide(v), v.type.k === "cursor" && !v.nullable ? presentCursorChain(g) : accessorChain(g, 3)));
    if (!chain || chain.kind !== kind) continue;
    if (chain.undefinable && !v.undefinable) continue;
    if (chain.nullable && (!v.nullable || v.loopDepth < g.loopDepth)) continue;
    if (chain.nullable) g.scope.forget(v);
    g.use("header reassigned");
    return [{ k: "assign", target: name(v.name), op: "=", value: chain.expr }];
  }
  return [];
}

function presentCursorChain(g: Gen): Chain | undefined {
  const expr = presentCursor(g);
  return expr ? { expr, kind: "Cursor", nullable: false, undefinable: false } : undefined;
}

/** A declared variable of a header or cursor kind that a guard could narrow. */
export function nullableVars(g: Gen): Var[] {
  return g.scope.visible().filter((v) => v.nullable && !g.scope.isNonNull(v));
}
