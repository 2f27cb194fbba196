// The values an expression may read: variables and their fields, header fields, the context, config, constants, helpers and calls.
import { call, index, member, method, name, type Expr } from "./ast.js";
import { argumentsFor, indexExpr, offsetExpr } from "./expressions.js";
import type { Gen } from "./gen.js";
import type { Var } from "./scope.js";
import { INT, isIntType, tagOf, type VType } from "./types.js";

export interface Source {
  type: VType;
  weight: number;
  make: () => Expr;
}

type Add = (type: VType, weight: number, make: () => Expr, feature?: string) => void;

/** Every integer or bool value in scope whose type satisfies `want`, with how often to prefer it. */
export function sources(g: Gen, want: (t: VType) => boolean): Source[] {
  const out: Source[] = [];
  const add: Add = (type, weight, make, feature) => {
    if (!want(type)) return;
    out.push({ type, weight, make: feature ? () => (g.use(feature), make()) : make });
  };
  for (const v of g.scope.visible()) readVar(g, v, add);
  const program = g.fn.program;
  if (program) {
    // the context as a whole weighs about as much as a variable, ctx.raw as a fifth of one
    for (const f of program.fields) readPaths(g, () => member(name("ctx"), f.name), f.type, 3 / program.fields.length, add, `${program.name}.${f.name}`);
    for (const f of program.rawFields) readPaths(g, () => member(member(name("ctx"), "raw"), f.name), f.type, 0.6 / program.rawFields.length, add, `${program.rawType}.${f.name}`);
  }
  for (const c of g.configs) for (const f of c.fields) add(f.type, 0.6, () => member(name(c.name), f.name, tagOf(f.type)), "config");
  for (const c of g.consts) if (c.type) add(INT(c.type), 0.5, () => name(c.name, c.type), "module constant");
  // calls nest expressions of their own: only near the top
  if (g.nesting > 2) return out;
  for (const h of g.api.helpers) {
    if (!isIntType(h.returns)) continue;
    const t = INT(h.returns);
    add(t, 0.3, () => call(name(h.name), argumentsFor(g, h.params), h.returns as never), `helper ${h.name}`);
  }
  for (const f of g.functions) {
    if (!f.returns || !tagOf(f.returns) || !functionCallable(g, f.params)) continue;
    const ret = f.returns;
    add(ret, 0.5, () => call(name(f.name), argumentsFor(g, f.params.map((p) => ({ name: p.name, type: p.type, nullable: p.nullable }))), tagOf(ret)), f.noinline ? "call @noinline" : "call function");
  }
  return out;
}

/** Whether arguments can be found for every parameter: headers need a header variable of their kind. */
export function functionCallable(g: Gen, params: { type: VType; nullable: boolean }[]): boolean {
  return params.every((p) => p.type.k !== "header" || headerArgument(g, p.type.name, p.nullable) !== undefined);
}

/** A header variable that can be passed where `kind` (or `kind | null`) is expected. */
export function headerArgument(g: Gen, kind: string, nullable: boolean): Var | undefined {
  const fit = g.scope.visible().filter((v) => v.type.k === "header" && v.type.name === kind && (nullable ? !v.undefinable : g.scope.isNonNull(v)));
  return fit.length ? g.rnd.pick(fit) : undefined;
}

function readVar(g: Gen, v: Var, add: Add): void {
  const here = () => name(v.name, tagOf(v.type));
  const t = v.type;
  if (v.ref) {
    if (!g.scope.isNonNull(v)) return;
    return t.k === "int" ? add(t, 1.5, () => member(here(), "value", t.t), "map reference") : readPaths(g, here, t, 1, add, "map reference");
  }
  if (t.k === "int" || t.k === "bool") return add(t, 3, here);
  if (!g.scope.isNonNull(v)) return;
  if (t.k === "header") {
    const view = g.api.headers.get(t.name)!;
    for (const f of view.fields) readPaths(g, () => member(here(), f.name, tagOf(f.type)), f.type, 0.8, add, `${t.name}.${f.name}`);
    if (g.inProgram) for (const r of g.api.cursor.reads) add(INT(r.type), 0.1, () => method(method(here(), "payload"), r.name, [offsetExpr(g)], r.type), `Cursor.${r.name}()`);
    return;
  }
  if (t.k === "cursor") {
    for (const f of g.api.cursor.fields) add(f.type, 0.7, () => member(here(), f.name, tagOf(f.type)), `Cursor.${f.name}`);
    if (g.inProgram) for (const r of g.api.cursor.reads) add(INT(r.type), 0.6, () => method(here(), r.name, [offsetExpr(g)], r.type), `Cursor.${r.name}()`);
    return;
  }
  readPaths(g, here, t, 1, add);
}

/** The integers and bools inside a value: itself, a struct's fields, an array's elements, an address's bytes. */
function readPaths(g: Gen, base: () => Expr, type: VType, weight: number, add: Add, feature?: string): void {
  switch (type.k) {
    case "int":
    case "bool":
      return add(type, weight, base, feature);
    case "struct":
      for (const f of g.structs.find((s) => s.name === type.name)!.fields) readPaths(g, () => member(base(), f.name, tagOf(f.type)), f.type, weight * 0.7, add, feature);
      return;
    case "array":
      return readPaths(g, () => index(base(), indexExpr(g, type.n), tagOf(type.elem)), type.elem, weight, add, feature ?? "FixedArray");
    case "addr":
      return readPaths(g, () => member(base(), "bytes"), { k: "array", elem: INT("u8"), n: type.size }, weight * 0.5, add, feature ?? `${type.name}.bytes`);
  }
}
