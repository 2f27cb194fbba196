// Control flow: if/else, null-guarded blocks, bounded loops of every form (nested, with break/continue) and switch.
import { binary, name, num, type Expr, type Stmt, type SwitchCase } from "./ast.js";
import { boolExpr, literal, variable } from "./expressions.js";
import type { Gen, LoopFrame } from "./gen.js";
import { headerReassign, nullableVars } from "./headers.js";
import { mapCondition } from "./maps.js";
import { block, innerSize, terminates } from "./statements.js";
import { fits, maxOf, type IntType } from "./types.js";
import { sources } from "./values.js";

/** Statements in a nested frame: what they declare and narrow ends with the block. */
function nestedBlock(g: Gen, size = innerSize(g), before?: () => void): Stmt[] {
  return g.scope.nested(() => {
    before?.();
    return block(g, size);
  });
}

export function ifStatement(g: Gen): Stmt[] {
  const r = g.rnd;
  const test = r.chance(0.15) ? (mapCondition(g) ?? boolExpr(g, 2, true)) : boolExpr(g, 2, true);
  const tested = testedVars(g, test);
  const then = nestedBlock(g, innerSize(g), () => tested.forEach((v) => g.scope.hide(v)));
  const form = r.weighted([["if", 4], ["else", 3], ["else if", 1.5]] as const);
  let stmt: Extract<Stmt, { k: "if" }> = { k: "if", cond: test, then };
  if (form !== "if") {
    g.use(form);
    const otherwise = g.scope.nested(() => {
      tested.forEach((v) => g.scope.hide(v));
      return form === "else" ? block(g, innerSize(g)) : ifStatement(g);
    });
    stmt = { ...stmt, else: otherwise };
  }
  // after a branch that leaves, TypeScript narrows what the conditions tested, maybe to null
  const conditions: Expr[] = [];
  const bodies: Stmt[][] = [];
  for (let s: Stmt | undefined = stmt; s?.k === "if"; s = s.else?.length === 1 ? s.else[0] : undefined) {
    conditions.push(s.cond);
    bodies.push(s.then);
    if (s.else && !(s.else.length === 1 && s.else[0]!.k === "if")) bodies.push(s.else);
  }
  if (bodies.some(escapes)) afterEscape(g, conditions.flatMap((c) => testedVars(g, c)));
  return [stmt];
}

/** The block ends by leaving the path (return, break, continue). */
export function escapes(body: Stmt[]): boolean {
  return body.length > 0 && terminates(body.at(-1)!);
}

/** After a branch that leaves, TypeScript narrows what the condition tested, maybe to null: keep those out of use. */
export function afterEscape(g: Gen, tested: string[]): void {
  tested.forEach((v) => g.scope.hide(v));
}

/** Nullable variables a condition mentions: in its branches TypeScript may have narrowed them to null. */
export function testedVars(g: Gen, e: Expr): string[] {
  const names = new Set<string>();
  const visit = (x: Expr): void => {
    if (x.k === "name") names.add(x.name);
    for (const child of Object.values(x)) {
      if (Array.isArray(child)) child.forEach((c) => c && typeof c === "object" && "k" in c && visit(c as Expr));
      else if (child && typeof child === "object" && "k" in child) visit(child as Expr);
    }
  };
  visit(e);
  return nullableVars(g).filter((v) => names.has(v.name)).map((v) => v.name);
}

/** `if (h) { ... }`: the block sees h present. */
export function guardedBlock(g: Gen): Stmt[] {
  const vars = nullableVars(g);
  if (vars.length === 0) return [];
  const v = g.rnd.pick(vars);
  const test: Expr = g.rnd.chance(0.7) ? name(v.name) : binary("!=", name(v.name), name("null"));
  g.use("guarded block");
  const then = nestedBlock(g, innerSize(g), () => g.scope.narrow(v));
  const otherwise = g.rnd.chance(0.25) ? [nestedBlock(g, innerSize(g), () => g.scope.hide(v))] : [];
  if (escapes(then) || (otherwise[0] && escapes(otherwise[0]))) afterEscape(g, [v.name]);
  return [{ k: "if", cond: test, then, ...(otherwise.length ? { else: otherwise[0] } : {}) }];
}

/** `if (...) { c = ip.payload(); } else { c = eth.payload(); }`: a let header or cursor chosen in branches. */
export function branchReassign(g: Gen): Stmt[] {
  const then = g.scope.nested(() => headerReassign(g));
  if (then.length === 0) return [];
  const otherwise = g.scope.nested(() => headerReassign(g));
  g.use("branch reassign");
  return [{ k: "if", cond: boolExpr(g, 1, true), then, ...(otherwise.length ? { else: otherwise } : {}) }];
}

/** How many times a new loop may run: small inside other loops, rarely up to the checker's 1024. */
function tripCount(g: Gen): number {
  const r = g.rnd;
  if (g.loopDepth === 0 && r.chance(0.04)) return r.pick([64, 256, 1024]);
  const room = Math.max(1, Math.floor(64 / g.loopWork));
  return Math.max(1, Math.min(r.between(1, g.size.maxTrips), room));
}

/** Runs body generation inside a loop frame (break and continue then refer to this loop). */
function inLoop<T>(g: Gen, frame: LoopFrame, fn: () => T): T {
  g.fn.loops.push(frame);
  try {
    return fn();
  } finally {
    g.fn.loops.pop();
  }
}

export interface LoopShape {
  trips?: number;
  /** Writes the body, in the loop's frame (its counter declared); a few random statements by default. */
  body?: () => Stmt[];
}

/** The loop's body: the shape's own, or a block of random statements. */
function loopBody(g: Gen, frame: LoopFrame, shape: LoopShape, declare: () => void, mayEscape = true): Stmt[] {
  return inLoop(g, frame, () =>
    g.scope.nested(() => {
      declare();
      return shape.body ? shape.body() : block(g, innerSize(g), mayEscape);
    }),
  );
}

/** `for (let i: T = a; i < b; i++)` and its variants (<=, !=, counting down, += step). */
export function forLoop(g: Gen, shape: LoopShape = {}): Stmt[] {
  const r = g.rnd;
  const trips = shape.trips ?? tripCount(g);
  const type = r.weighted<IntType>([["u32", 5], ["u16", 1], ["u8", trips < 200 ? 1 : 0], ["u64", 0.5], ["i32", 1]]);
  const stepBy = BigInt(r.weighted([[1, 6], [2, 1], [3, 0.5]] as const));
  const start = BigInt(r.between(0, 3));
  const n = BigInt(trips);
  let loop: Extract<Stmt, { k: "for" }>;
  let range: [bigint, bigint];
  const counter = g.scope.fresh("ix");
  if (r.chance(0.75)) {
    const form = r.weighted([["<", 4], ["<=", 1.5], ["!=", 1]] as const);
    const last = start + (n - 1n) * stepBy;
    const to = form === "<=" ? last : last + stepBy;
    const update = stepBy === 1n ? r.pick(["++", "+=", "= +"] as const) : r.pick(["+=", "= +"] as const);
    loop = { k: "for", name: counter, type, from: start, cond: form, to, update, step: stepBy, body: [] };
    range = [start, last];
  } else {
    const form = r.weighted([[">", 2], [">=", 1]] as const);
    const low = start + 1n;
    const high = low + (n - 1n) * stepBy;
    const to = form === ">" ? low - 1n : low;
    const update = stepBy === 1n ? r.pick(["--", "-="] as const) : "-=";
    loop = { k: "for", name: counter, type, from: high, cond: form, to, update, step: stepBy, body: [] };
    range = [low, high];
  }
  // the counter must hold every value it takes, the one that ends the loop included
  if (!fits(range[1] + stepBy, type) || !fits(range[0] - stepBy, type)) return [];
  g.use(`for ${loop.cond}`);
  loop.body = loopBody(g, { kind: "for", trips }, shape, () =>
    g.counter(counter, type, range),
  );
  return [loop];
}

/** `for (const i of range(a, b))` or `range(n)`. */
export function forOfLoop(g: Gen, shape: LoopShape = {}): Stmt[] {
  const r = g.rnd;
  const trips = shape.trips ?? tripCount(g);
  const from = r.chance(0.5) ? undefined : BigInt(r.between(0, 4));
  const lo = from ?? 0n;
  const to = lo + BigInt(trips);
  const counter = g.scope.fresh("ix");
  g.use("for of range");
  const body = loopBody(g, { kind: "forOf", trips }, shape, () =>
    g.counter(counter, "u32", [lo, to - 1n]),
  );
  return [{ k: "forOf", name: counter, from, to, body }];
}

/** `let j: u32 = 0; while (j < n) { ...; j++; }`: the step at the body's top level, no continue of its own. */
export function whileLoop(g: Gen, shape: LoopShape = {}): Stmt[] {
  const trips = shape.trips ?? tripCount(g);
  const counter = g.scope.fresh("j");
  // not a proven index: the checker does not bound a while loop's variable
  g.counter(counter, "u32", [0n, 0xffffffffn]);
  g.use("while");
  const stepFirst = g.rnd.chance(0.3);
  const stepStmt: Stmt = g.rnd.chance(0.7) ? { k: "step", target: name(counter), op: "++" } : { k: "assign", target: name(counter), op: "+=", value: num(1) };
  // the body may not end in break/continue/return: the step follows it
  const body = loopBody(g, { kind: "while", trips }, shape, () => undefined, false);
  const last = body.at(-1)?.k;
  const ends = body.length > 0 && terminates(body.at(-1)!);
  return [{ k: "decl", kind: "let", name: counter, type: "u32", init: num(0) }, { k: "while", name: counter, to: BigInt(trips), body: stepFirst || ends ? [stepStmt, ...body] : [...body, stepStmt] }];
}

/** Loops nested as deep as the profile allows (5 for large probes), two or three trips each, work in the innermost. */
export function loopTower(g: Gen): Stmt[] {
  g.use("loop tower");
  const build = (left: number): Stmt[] => {
    const make = g.rnd.pick([forLoop, forOfLoop, whileLoop]);
    const trips = g.rnd.between(2, 3);
    if (left === 1) return make(g, { trips, body: () => block(g, g.rnd.between(2, 5)) });
    return make(g, { trips, body: () => [...block(g, g.rnd.below(2), false), ...build(left - 1)] });
  };
  return build(g.size.maxLoopNest - g.loopDepth);
}

/** `switch (x) { case 1: { ... break; } case 2: case 3: { ... } default: { ... } }` with distinct constant labels. */
export function switchStatement(g: Gen): Stmt[] {
  const r = g.rnd;
  const found = sources(g, (t) => t.k === "int");
  const t: IntType = found.length ? (r.pick(found).type as { t: IntType }).t : "u32";
  // a constant discriminant is the user's own redundancy (clang: "no case matching constant switch condition")
  const disc = variable(g, t, 1);
  const seen = new Set<bigint>();
  const cases: SwitchCase[] = [];
  const count = r.between(1, 4);
  g.use("switch");
  for (let i = 0; i < count; i++) {
    const labels: Expr[] = [];
    for (let j = r.chance(0.2) ? 2 : 1; j > 0; j--) {
      const label = literal(g, t);
      const value = label.k === "num" ? label.value : label.k === "unary" && label.e.k === "num" ? -label.e.value : undefined;
      if (value === undefined || seen.has(value) || value > maxOf(t)) continue;
      seen.add(value);
      labels.push(label);
    }
    if (labels.length) cases.push({ labels, body: caseBody(g, i < count - 1) });
  }
  if (r.chance(0.5)) cases.push({ labels: [], body: caseBody(g, false) });
  return cases.length ? [{ k: "switch", disc, cases }] : [];
}

function caseBody(g: Gen, mayFallThrough: boolean): Stmt[] {
  const body = nestedBlock(g);
  if (escapes(body)) return body;
  if (mayFallThrough && g.rnd.chance(0.2)) {
    g.use("fall through");
    return body;
  }
  return [...body, { k: "break" }];
}
