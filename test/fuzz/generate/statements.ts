// Statements: the weighted choice of what to write next, blocks, declarations and assignments.
import { name, num, type Expr, type Stmt } from "./ast.js";
import { arrayLiteral, structValue, writablePlaces } from "./aggregates.js";
import { afterEscape, testedVars, forLoop, forOfLoop, guardedBlock, ifStatement, loopTower, switchStatement, whileLoop, branchReassign } from "./control.js";
import { adjustment, contextWrite, logCall, rawWrite, rawReadDeclaration, bytesDeclaration, addressCopy, callStatement, redirectStatement, traceCall } from "./effects.js";
import { boolExpr, intExpr, isConstant } from "./expressions.js";
import type { Gen } from "./gen.js";
import { printExpr } from "./print.js";
import { guard, headerDeclaration, headerReassign, headerWrite, nullableVars } from "./headers.js";
import { mapStatement } from "./maps.js";
import { sources } from "./values.js";
import { escapeStmt, returnStmt } from "./verdicts.js";
import { BOOL, INT, INT_TYPES, bitsOf, isSigned, tagOf, typeText, type VType } from "./types.js";

type Maker = (g: Gen) => Stmt[];

/** Up to n statements (fewer when the function's budget runs out); a block may end with a return, break or continue. */
export function block(g: Gen, n: number, mayEscape = true): Stmt[] {
  const out: Stmt[] = [];
  g.fn.depth++;
  for (let i = 0, misses = 0; i < n && g.fn.budget > 0 && misses < 20; ) {
    const made = statement(g);
    if (made.length === 0) {
      misses++;
      continue;
    }
    out.push(...made);
    g.fn.budget -= made.length;
    i += made.length;
    // code after it would be unreachable, where TypeScript forgets what it narrowed
    if (terminates(made.at(-1)!)) break;
  }
  if (mayEscape && g.fn.depth > 1 && !(out.length && terminates(out.at(-1)!)) && g.rnd.chance(0.15)) out.push(escapeStmt(g));
  g.fn.depth--;
  return out;
}

/** Whether control never goes past s: an escape, or an if/else or switch (with default) all of whose paths escape. */
export function terminates(s: Stmt): boolean {
  switch (s.k) {
    case "return":
    case "break":
    case "continue":
      return true;
    case "block":
      return s.body.length > 0 && terminates(s.body.at(-1)!);
    case "if":
      return !!s.else && s.then.length > 0 && terminates(s.then.at(-1)!) && s.else.length > 0 && terminates(s.else.at(-1)!);
    case "switch":
      return s.cases.some((c) => c.labels.length === 0) && s.cases.every((c) => c.body.length > 0 && ["return", "continue"].includes(c.body.at(-1)!.k));
    default:
      return false;
  }
}

/** A nested block's size: a few statements, never more than the budget left. */
export function innerSize(g: Gen): number {
  return Math.max(1, Math.min(g.rnd.between(1, 6), Math.ceil(g.fn.budget / 2)));
}

function statement(g: Gen): Stmt[] {
  const program = g.fn.program;
  const deeper = g.fn.depth < g.size.maxDepth;
  const loops = deeper && g.loopDepth < g.size.maxLoopNest;
  const writesPacket = !!program && !program.packetReadOnly;
  const entries: [Maker, number][] = [
    [intDeclaration, 4],
    [boolDeclaration, 1],
    [assignment, 3],
    [stepStatement, 0.8],
    [headerDeclaration, g.size.accessorWeight],
    [guardStatement, nullableVars(g).length ? 1.5 : 0],
    [guardedBlock, deeper ? 2 : 0],
    [headerWrite, writesPacket ? 4 : 0],
    [headerReassign, 1.2],
    [branchReassign, deeper ? 0.8 : 0],
    [addressCopy, 1],
    [rawReadDeclaration, program ? 1.5 : 0],
    [rawWrite, writesPacket ? 1 : 0],
    [bytesDeclaration, program ? 0.6 : 0],
    [ifStatement, deeper ? 3 : 0],
    [forLoop, loops ? 1.2 : 0],
    [forOfLoop, loops ? 1.2 : 0],
    [whileLoop, loops ? 0.7 : 0],
    [loopTower, loops && g.size.maxLoopNest >= 5 && g.loopDepth === 0 ? 0.4 : 0],
    [switchStatement, deeper ? 0.8 : 0],
    [mapStatement, g.maps.length ? 3 : 0],
    [traceCall, 0.7],
    [logCall, 0.7],
    [callStatement, g.functions.length ? 1 : 0],
    [structDeclaration, g.structs.length ? 1.2 : 0],
    [arrayDeclaration, 0.8],
    [contextWrite, program ? 0.7 : 0],
    [adjustment, program?.adjustments.length && g.loopDepth === 0 ? 0.4 : 0],
    [earlyReturn, deeper ? 0.8 : 0],
    [loopEscape, g.loopDepth > 0 && deeper ? 1 : 0],
    [redirectStatement, program ? 0.1 : 0],
  ];
  return g.rnd.weighted(entries)(g);
}

const intType = (g: Gen) => g.rnd.weighted(INT_TYPES.map((t) => [t, t === "u32" ? 4 : t.startsWith("u") ? 2 : 1] as const));

function intDeclaration(g: Gen): Stmt[] {
  const r = g.rnd;
  // prefer a type something in scope has, so reads are used
  const found = sources(g, (t) => t.k === "int");
  const t = found.length && r.chance(0.6) ? (r.pick(found).type as { t: (typeof INT_TYPES)[number] }).t : intType(g);
  const init = intExpr(g, t, r.between(1, 3));
  const mutable = r.chance(0.5);
  // an unannotated const of a constant would have a literal type
  const annotated = mutable || init.t !== t || isConstant(g, init) || r.chance(0.7);
  const v = g.local("n", INT(t), mutable);
  if (!annotated) g.use("unannotated const");
  return [{ k: "decl", kind: mutable ? "let" : "const", name: v.name, type: annotated ? t : undefined, init }];
}

function boolDeclaration(g: Gen): Stmt[] {
  const mutable = g.rnd.chance(0.4);
  const init = boolExpr(g, 2);
  const v = g.local("b", BOOL, mutable);
  return [{ k: "decl", kind: mutable ? "let" : "const", name: v.name, type: "bool", init }];
}

/** A value for a place of type t. */
function valueFor(g: Gen, t: VType): Expr {
  return t.k === "int" ? intExpr(g, t.t, 2) : t.k === "bool" ? boolExpr(g, 2) : structValue(g, t);
}

function assignment(g: Gen): Stmt[] {
  const r = g.rnd;
  const places = writablePlaces(g);
  if (places.length === 0) return [];
  const place = r.pick(places);
  const t = place.type;
  if (t.k !== "int") {
    if (t.k === "struct") g.use("struct assignment");
    const [target, value] = [place.target(), valueFor(g, t)];
    return printExpr(target) === printExpr(value) ? [] : [{ k: "assign", target, op: "=", value }];
  }
  const ops: [string, number][] = [["=", 4], ["+=", 2], ["-=", 1], ["*=", 0.5], ["&=", 0.7], ["|=", 0.7], ["^=", 0.5], ["<<=", 0.4], [">>=", 0.4]];
  if (!isSigned(t.t)) ops.push(["/=", 0.3], ["%=", 0.3]);
  const op = r.weighted(ops);
  g.use(`assign ${op}`);
  const value = op === "<<=" || op === ">>=" ? num(r.below(bitsOf(t.t)), "u8") : intExpr(g, t.t, 2);
  const target = place.target();
  // `x = x` draws clang's self-assignment warning: the user's redundancy, not a compiler bug
  return printExpr(target) === printExpr(value) ? [] : [{ k: "assign", target, op, value }];
}

function stepStatement(g: Gen): Stmt[] {
  const vars = g.scope.visible().filter((v) => v.mutable && !v.counter && !v.ref && v.type.k === "int");
  if (vars.length === 0) return [];
  g.use("++/--");
  const v = g.rnd.pick(vars);
  return [{ k: "step", target: name(v.name, tagOf(v.type)), op: g.rnd.pick(["++", "--"] as const) }];
}

function guardStatement(g: Gen): Stmt[] {
  const vars = nullableVars(g);
  return vars.length ? [guard(g, g.rnd.pick(vars))] : [];
}

function structDeclaration(g: Gen): Stmt[] {
  const s = g.rnd.pick(g.structs);
  const t: VType = { k: "struct", name: s.name };
  const mutable = g.rnd.chance(0.6);
  const init = structValue(g, t);
  const v = g.local("s", t, mutable);
  return [{ k: "decl", kind: mutable ? "let" : "const", name: v.name, type: s.name, init }];
}

function arrayDeclaration(g: Gen): Stmt[] {
  const r = g.rnd;
  const elem: VType = g.structs.length && r.chance(0.15) ? { k: "struct", name: r.pick(g.structs).name } : r.chance(0.1) ? BOOL : INT(intType(g));
  const t = { k: "array" as const, elem, n: r.weighted([[r.between(1, 8), 5], [r.between(9, 64), 1], [r.between(65, 256), 0.2]] as const) };
  g.use("FixedArray");
  const init = arrayLiteral(g, t);
  const v = g.local("arr", t, true);
  return [{ k: "decl", kind: "let", name: v.name, type: typeText(t), init }];
}

function earlyReturn(g: Gen): Stmt[] {
  g.use("early return");
  return conditionalEscape(g, () => returnStmt(g));
}

function loopEscape(g: Gen): Stmt[] {
  return conditionalEscape(g, () => escapeStmt(g));
}

/** `if (cond) return ...;`: what cond tested is hidden in the escape and after it. */
function conditionalEscape(g: Gen, escape: () => Stmt): Stmt[] {
  const cond = boolExpr(g, 2, true);
  const tested = testedVars(g, cond);
  const then = g.scope.nested(() => (afterEscape(g, tested), escape()));
  afterEscape(g, tested);
  return [{ k: "if", cond, then: [then] }];
}
