// Integer and bool expressions of an exact tsbpf type, array indexes the checker can prove, packet offsets and call arguments.
import { binary, cond, convert, member, name, num, unary, type Expr } from "./ast.js";
import type { Gen } from "./gen.js";
import { printExpr } from "./print.js";
import { headerArgument, sources } from "./values.js";
import { structValue } from "./aggregates.js";
import { BOOL, fits, INT, INT_TYPES, isIntType, isSigned, maxOf, minOf, UNSIGNED, widensInto, type IntType, type VType } from "./types.js";

/** An expression of type `t`, or of a narrower type of the same signedness that widens into it. */
export function intExpr(g: Gen, t: IntType, depth = 2): Expr {
  // reads go through calls, indexes and offsets that hold expressions of their own: bound the nesting
  if (g.nesting > 4) return literal(g, t);
  g.nesting++;
  try {
    return composite(g, t, depth);
  } finally {
    g.nesting--;
  }
}

function composite(g: Gen, t: IntType, depth: number): Expr {
  const r = g.rnd;
  if (depth <= 0) return leaf(g, t);
  switch (r.weighted([["leaf", 5], ["binary", 3], ["convert", 1.2], ["unary", 0.4], ["cond", 0.5]] as const)) {
    case "leaf":
      return leaf(g, t);
    case "binary":
      return binaryExpr(g, t, depth - 1);
    case "convert":
      g.use("conversion");
      // a converted constant must fit the target type (TSBPF1101): convert a non-constant
      return convert(t, r.chance(0.15) ? boolExpr(g, depth - 1) : exact(g, r.pick(INT_TYPES.filter((x) => x !== t)), depth - 1));
    case "unary":
      return unary(isSigned(t) && r.chance(0.5) ? "-" : "~", exact(g, t, depth - 1), t);
    case "cond":
      g.use("?:");
      return cond(boolExpr(g, depth - 1, true), exact(g, t, depth - 1), intExpr(g, t, depth - 1), t);
  }
}

/** A non-constant expression of exactly type t (constants on both sides of an operator fold, and must fit untyped). */
export function exact(g: Gen, t: IntType, depth: number): Expr {
  const e = intExpr(g, t, depth);
  if (isTyped(g, e, t)) return e;
  // a constant of t converts to t; a narrower value widens
  return convert(t, isConstant(g, e) ? literal(g, t) : e);
}

/** An expression of exactly type t that is not a converted constant either, when one can be found (`u8(3) < x` draws clang's warnings). */
export function variable(g: Gen, t: IntType, depth: number): Expr {
  let e = exact(g, t, depth);
  for (let i = 0; i < 3 && isConvertedConstant(g, e); i++) e = exact(g, t, depth);
  return e;
}

const isConvertedConstant = (g: Gen, e: Expr) => e.k === "call" && e.callee.k === "name" && isIntType(e.callee.name) && e.args.length === 1 && isConstant(g, e.args[0]!);

/** The expression has type t itself: not a narrower type, not an untyped constant. */
const isTyped = (g: Gen, e: Expr, t: IntType) => e.t === t && !isConstant(g, e);

export function isConstant(g: Gen, e: Expr): boolean {
  if (e.k === "num") return true;
  if (e.k === "unary") return isConstant(g, e.e);
  if (e.k === "binary") return isConstant(g, e.l) && isConstant(g, e.r);
  if (e.k === "name") return g.consts.some((c) => c.name === e.name && !c.type);
  return false;
}

function leaf(g: Gen, t: IntType): Expr {
  const narrower = widensInto(t).filter((x) => x !== t && isSigned(x) === isSigned(t));
  const found = sources(g, (x) => x.k === "int" && (x.t === t || narrower.includes(x.t)));
  const weighted = found.map((s) => [s, s.type.k === "int" && s.type.t === t ? s.weight : s.weight * 0.2] as const);
  if (weighted.length === 0 || g.rnd.chance(0.25)) return literal(g, t);
  return g.rnd.weighted(weighted).make();
}

/** A constant that fits t: usually small, sometimes a boundary, sometimes an untyped module constant. */
export function literal(g: Gen, t: IntType): Expr {
  const r = g.rnd;
  const named = g.consts.filter((c) => !c.type && fits(c.value, t));
  if (named.length && r.chance(0.1)) return name(r.pick(named).name, t);
  const max = maxOf(t) > 1n << 52n ? (r.chance(0.9) ? 1n << 52n : maxOf(t)) : maxOf(t);
  const v = r.weighted([
    [() => BigInt(r.between(0, 16)), 6],
    [() => BigInt(Math.min(r.between(0, 255), Number(max))), 2],
    [() => max, 0.7],
    [() => (isSigned(t) ? minOf(t) : 0n), 0.4],
    [() => r.bigBetween(isSigned(t) ? -max : 0n, max), 1],
  ] as const)();
  if (v < 0n) return unary("-", num(-v), t);
  return { k: "num", value: v, hex: v > 255n && r.chance(0.5), t };
}

function binaryExpr(g: Gen, t: IntType, depth: number): Expr {
  const r = g.rnd;
  const ops: [string, number][] = [["+", 3], ["-", 2], ["*", 1], ["&", 2], ["|", 1.5], ["^", 1], ["<<", 1], [">>", 1]];
  if (!isSigned(t)) ops.push(["/", 0.7], ["%", 0.8]);
  const op = r.weighted(ops);
  g.use(`operator ${op}`);
  if (op === "<<" || op === ">>") {
    const count = r.chance(0.6) ? num(r.below(Number(t.slice(1))), "u8") : exact(g, r.pick(UNSIGNED), depth);
    return binary(op, exact(g, t, depth), count, t);
  }
  let [left, right] = [intExpr(g, t, depth), intExpr(g, t, depth)];
  if (isConstant(g, left) && isConstant(g, right)) left = exact(g, t, depth);
  if (!isTyped(g, left, t) && !isTyped(g, right, t)) right = convert(t, right);
  return binary(op, left, right, t);
}

/** A bool; `condition` allows forms valid only as a test (`if (h)`, `!h`). */
export function boolExpr(g: Gen, depth = 2, condition = false): Expr {
  // no literal true/false: TypeScript stops narrowing in the code they make unreachable
  if (g.nesting > 4) return binary("!=", convert("u32", literal(g, "u32")), literal(g, "u32"), "bool");
  g.nesting++;
  try {
    return boolComposite(g, depth, condition);
  } finally {
    g.nesting--;
  }
}

function boolComposite(g: Gen, depth: number, condition: boolean): Expr {
  const r = g.rnd;
  const nullable = g.scope.visible().filter((v) => v.nullable && (v.type.k === "header" || v.type.k === "cursor" || v.ref) && !g.scope.isNonNull(v));
  const kind = r.weighted([
    ["leaf", 3],
    ["compare", 4],
    ["not", depth > 0 ? 0.8 : 0],
    ["logic", depth > 0 ? 1.5 : 0],
    ["presence", nullable.length ? 1 : 0],
  ] as const);
  switch (kind) {
    case "leaf": {
      const found = sources(g, (x) => x.k === "bool");
      return found.length ? r.weighted(found.map((s) => [s, s.weight] as const)).make() : compare(g, depth);
    }
    case "compare":
      return compare(g, depth);
    case "not":
      g.use("operator !");
      return unary("!", boolExpr(g, depth - 1, condition), "bool");
    case "logic": {
      const op = r.pick(["&&", "||"]);
      g.use(`operator ${op}`);
      return binary(op, boolExpr(g, depth - 1, condition), boolExpr(g, depth - 1, condition), "bool");
    }
    case "presence": {
      const v = name(r.pick(nullable).name);
      g.use("null test");
      const forms = condition ? [v, unary("!", v), binary("!=", v, name("null")), binary("==", v, name("null"))] : [binary("!=", v, name("null")), binary("==", v, name("null"))];
      return { ...r.pick(forms), t: "bool" };
    }
  }
}

function compare(g: Gen, depth: number): Expr {
  const r = g.rnd;
  const found = sources(g, (x) => x.k === "int");
  const t: IntType = found.length && r.chance(0.8) ? (r.weighted(found.map((s) => [s.type, s.weight] as const)) as { t: IntType }).t : r.pick(INT_TYPES);
  const op = r.pick(["==", "!=", "<", "<=", ">", ">="]);
  g.use(`operator ${op}`);
  const left = variable(g, t, Math.max(0, depth - 1));
  let right = intExpr(g, t, Math.max(0, depth - 1));
  // `x < x` is the user's own redundancy: clang warns, and that is not what the fuzzer looks for
  if (printExpr(right) === printExpr(left)) right = literal(g, t);
  return binary(op, left, right, "bool");
}

/** An index the checker proves below n: a constant, a loop counter whose range fits, `x % n`, or `x & m` with m < n. */
export function indexExpr(g: Gen, n: number): Expr {
  const r = g.rnd;
  const counters = g.scope.visible().filter((v) => v.counter && v.type.k === "int" && !isSigned(v.type.t) && v.counter.range[0] >= 0n && v.counter.range[1] < BigInt(n));
  const wide = UNSIGNED.filter((u) => fits(BigInt(n), u));
  switch (r.weighted([["constant", 3], ["counter", counters.length ? 3 : 0], ["modulo", 2], ["mask", n >= 2 ? 1.2 : 0]] as const)) {
    case "constant":
      return num(r.below(n), "u32");
    case "counter":
      g.use("index by loop counter");
      return name(r.pick(counters).name);
    case "modulo": {
      g.use("index x % N");
      const u = r.pick(wide);
      return binary("%", exact(g, u, 1), num(n), u);
    }
    case "mask": {
      g.use("index x & M");
      const m = BigInt(r.between(1, n - 1));
      const u = r.pick(UNSIGNED.filter((x) => fits(m, x)));
      return binary("&", exact(g, u, 1), num(m), u);
    }
  }
}

/** A byte offset for a raw packet access (a u32 parameter): constants, loop counters, bounded and unbounded values. */
export function offsetExpr(g: Gen): Expr {
  const r = g.rnd;
  const narrow: IntType[] = ["u8", "u16", "u32"];
  const counters = g.scope.visible().filter((v) => v.counter && v.type.k === "int" && narrow.includes(v.type.t));
  switch (r.weighted([["small", 6], ["large", 0.6], ["counter", counters.length ? 2 : 0], ["modulo", 1.2], ["mask", 1], ["any", 0.8]] as const)) {
    case "small":
      return num(r.between(0, 48), "u32");
    case "large":
      return num(r.chance(0.7) ? r.between(49, 1600) : r.between(1600, 8191), "u32");
    case "counter": {
      const c = name(r.pick(counters).name);
      return r.chance(0.5) ? c : binary("+", c, num(r.between(1, 40)));
    }
    case "modulo":
      g.use("offset x % N");
      return binary("%", exact(g, "u32", 1), num(r.between(1, 256)), "u32");
    case "mask":
      g.use("offset x & M");
      return binary("&", exact(g, "u32", 1), num((1 << r.between(1, 9)) - 1), "u32");
    case "any":
      g.use("offset unbounded");
      return exact(g, r.pick(narrow), 1);
  }
}

export interface ArgumentSpec {
  type: VType | string;
  optional?: boolean;
  nullable?: boolean;
}

/** Arguments for parameters given as runtime-types text or as generator types; optional ones are sometimes left out. */
export function argumentsFor(g: Gen, params: ArgumentSpec[]): Expr[] {
  const out: Expr[] = [];
  for (const p of params) {
    if (p.optional && g.rnd.chance(0.5)) break;
    const t = typeof p.type === "string" ? (isIntType(p.type) ? INT(p.type) : p.type === "bool" ? BOOL : undefined) : p.type;
    if (!t) throw new Error(`no argument of type ${String(p.type)}`);
    out.push(valueOf(g, t, p.nullable));
  }
  return out;
}

/** Any value of type t, where t is known from context (a parameter, an annotated variable, a field). */
export function valueOf(g: Gen, t: VType, nullable = false): Expr {
  switch (t.k) {
    case "int":
      return intExpr(g, t.t, 1 + g.rnd.below(2));
    case "bool":
      return boolExpr(g, 1);
    case "header": {
      const v = headerArgument(g, t.name, nullable);
      if (!v) throw new Error(`no ${t.name} in scope`);
      return name(v.name);
    }
    case "enum":
      return member(name(t.name), g.rnd.pick(g.api.enums.get(t.name)!).name);
    default:
      return structValue(g, t);
  }
}
