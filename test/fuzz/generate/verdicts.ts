// What ends a path: a program's verdict (constants, ?:, redirects), a function's result, break and continue.
import { call, cond, member, method, name, type Expr, type Stmt } from "./ast.js";
import { argumentsFor, boolExpr, intExpr, valueOf } from "./expressions.js";
import type { Gen } from "./gen.js";

/** A value of the program's verdict enum. */
export function verdictExpr(g: Gen, depth = 1): Expr {
  const program = g.fn.program!;
  const r = g.rnd;
  const verdict = program.verdict;
  const helpers = g.api.helpers.filter((h) => h.returns.split(" | ").includes(verdict));
  const maps = g.maps.filter((m) => m.kind.methods.some((x) => x.type === verdict));
  const kind = r.weighted([
    ["member", 6],
    ["cond", depth > 0 ? 1.5 : 0],
    ["helper", helpers.length ? 0.5 : 0],
    ["map", maps.length ? 1 : 0],
  ] as const);
  switch (kind) {
    case "member":
      return member(name(verdict), r.pick(g.api.enums.get(verdict)!).name);
    case "cond":
      return cond(boolExpr(g, 1, true), verdictExpr(g, depth - 1), verdictExpr(g, depth - 1));
    case "helper": {
      const h = r.pick(helpers);
      g.use(`helper ${h.name}`);
      return call(name(h.name), argumentsFor(g, h.params));
    }
    case "map": {
      const m = r.pick(maps);
      const redirect = m.kind.methods.find((x) => x.type === verdict)!;
      g.use(`${m.kind.name}.${redirect.name}`);
      const args = [intExpr(g, "u32", 1)];
      // the fallback may not be Redirect itself (docs/maps.md)
      if (r.chance(0.5)) args.push(member(name(verdict), r.pick(g.api.enums.get(verdict)!.filter((m) => m.name !== "Redirect")).name));
      return method(name(m.name), redirect.name, args);
    }
  }
}

/** `return <verdict>` in a program, `return <value>` in a function. */
export function returnStmt(g: Gen): Stmt {
  if (g.fn.program) return { k: "return", e: verdictExpr(g) };
  return g.fn.returns ? { k: "return", e: valueOf(g, g.fn.returns) } : { k: "return" };
}

/** A statement that leaves the current path: continue or break inside a loop, return elsewhere (and sometimes in a loop). */
export function escapeStmt(g: Gen): Stmt {
  const loop = g.fn.loops.at(-1);
  if (!loop || g.rnd.chance(0.3)) return returnStmt(g);
  // a while loop steps its variable at the top level of its body: a continue there would skip the step
  if (loop.kind !== "while" && g.rnd.chance(0.5)) {
    g.use("continue");
    return { k: "continue" };
  }
  g.use("break");
  return { k: "break" };
}
