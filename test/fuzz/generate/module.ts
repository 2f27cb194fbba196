// A whole probe: structs, constants, config, maps, module functions (some @noinline) and classes of programs.
import { convert, member, name, type Expr, type Item, type ProgramDecl, type Probe } from "./ast.js";
import { declareStruct } from "./aggregates.js";
import { literal } from "./expressions.js";
import { Gen, type ConfigDef, type FunctionDef } from "./gen.js";
import { declareMap } from "./maps.js";
import { Random } from "./random.js";
import type { SizeProfile } from "./size.js";
import { block, terminates } from "./statements.js";
import { BOOL, fits, INT, INT_TYPES, typeText, type VType } from "./types.js";
import { returnStmt } from "./verdicts.js";

export interface GeneratedProbe {
  probe: Probe;
  /** The API features and grammar forms the probe uses. */
  used: Set<string>;
}

export function generateProbe(seed: number, size: SizeProfile, header: string): GeneratedProbe {
  const g = new Gen(new Random(seed), size);
  const r = g.rnd;
  const items: Item[] = [];
  for (let i = r.between(...size.structs); i > 0; i--) items.push(declareStruct(g));
  for (let i = r.between(0, 2); i > 0; i--) items.push(declareConstant(g));
  if (r.chance(0.4)) items.push(declareConfig(g));
  for (let i = r.between(...size.maps); i > 0; i--) items.push(declareMap(g));
  for (let i = r.between(...size.functions); i > 0; i--) items.push(declareFunction(g, size));
  const programs = r.between(...size.programs);
  const classes: Item[] = [];
  for (let p = 1; p <= programs; p++) {
    const program = declareProgram(g, `prog${p}`);
    const holder = classes.length && r.chance(0.6) ? (classes.at(-1) as Extract<Item, { k: "class" }>) : undefined;
    if (holder) holder.programs.push(program);
    else classes.push({ k: "class", name: `Probe${classes.length + 1}`, programs: [program] });
  }
  return { probe: { header, items: [...items, ...classes] }, used: g.used };
}

function declareConstant(g: Gen): Item {
  const r = g.rnd;
  const id = `K${g.consts.length + 1}`;
  const t = r.pick(INT_TYPES);
  const e = literal(g, t);
  const value = e.k === "num" ? e.value : e.k === "unary" && e.e.k === "num" ? -e.e.value : 0n;
  const form = e.k === "name" ? "annotated" : r.pick(["annotated", "untyped", "converted"] as const);
  g.use(`module constant ${form}`);
  g.consts.push({ name: id, type: form === "untyped" && fits(value, "i64") ? undefined : t, value });
  if (form === "untyped") return { k: "const", name: id, init: e };
  return form === "annotated" ? { k: "const", name: id, type: t, init: e } : { k: "const", name: id, init: convert(t, e) };
}

function declareConfig(g: Gen): Item {
  const r = g.rnd;
  const def: ConfigDef = { name: `cfg${g.configs.length + 1}`, fields: [] };
  for (let i = 1, n = r.between(1, 4); i <= n; i++) {
    if (r.chance(0.25)) def.fields.push({ name: `flag${i}`, type: BOOL, value: { k: "bool", value: r.chance(0.5), t: "bool" } });
    else {
      const t = r.pick(INT_TYPES);
      def.fields.push({ name: `opt${i}`, type: INT(t), value: convert(t, literal(g, t)) });
    }
  }
  g.configs.push(def);
  g.use("config");
  const fields = def.fields.map((f) => ({ name: f.name, value: f.value }));
  return { k: "const", name: def.name, init: { k: "call", callee: name("config"), args: [{ k: "object", fields }] } };
}

/** A module function: integer, bool, struct and header parameters (only integers and bools when @noinline). */
function declareFunction(g: Gen, size: SizeProfile): Item {
  const r = g.rnd;
  const noinline = r.chance(0.35);
  const scalar = (): VType => (r.chance(0.85) ? INT(r.pick(INT_TYPES)) : BOOL);
  const headers = [...g.api.headers.keys()];
  const params: FunctionDef["params"] = [];
  for (let i = 1, n = r.between(0, noinline ? 5 : 4); i <= n; i++) {
    const type = noinline ? scalar() : r.weighted<() => VType>([[scalar, 6], [() => ({ k: "struct", name: r.pick(g.structs).name }), g.structs.length ? 1 : 0], [() => ({ k: "header", name: r.pick(headers) }), 2]])();
    params.push({ name: `p${i}`, type, nullable: type.k === "header" && r.chance(0.4) });
  }
  const returns: VType | undefined = r.weighted<() => VType | undefined>([
    [scalar, 6],
    [() => undefined, 2],
    [() => ({ k: "struct", name: r.pick(g.structs).name }), !noinline && g.structs.length ? 1 : 0],
  ])();
  const def: FunctionDef = { name: `fn${g.functions.length + 1}`, params, returns, noinline };
  if (noinline) g.use("@noinline");
  const body = g.within({ returns, loops: [], depth: 0, budget: r.between(1, Math.max(2, Math.ceil(size.statements[1] / 8))) }, () => {
    for (const p of params) g.scope.declare({ name: p.name, type: p.type, mutable: p.type.k !== "header", nullable: p.nullable, undefinable: false, loopDepth: 0 });
    const stmts = block(g, 1000);
    return (stmts.length && terminates(stmts.at(-1)!)) || !returns ? stmts : [...stmts, returnStmt(g)];
  });
  g.functions.push(def);
  const paramText = (p: FunctionDef["params"][number]) => typeText(p.type) + (p.nullable ? " | null" : "");
  return { k: "function", name: def.name, params: params.map((p) => ({ name: p.name, type: paramText(p) })), returns: returns ? typeText(returns) : "void", noinline, body };
}

function declareProgram(g: Gen, id: string): ProgramDecl {
  const r = g.rnd;
  const ctx = r.weighted(g.api.contexts.map((c) => [c, c.decorator === "xdp" ? 3 : 2] as const));
  g.use(`@${ctx.decorator}`);
  let options: Expr | undefined;
  if (r.chance(0.25)) {
    g.use("program options");
    options = { k: "object", fields: [{ name: "onError", value: member(name(ctx.verdict), r.pick(g.api.enums.get(ctx.verdict)!).name) }] };
  }
  const body = g.within({ program: ctx, loops: [], depth: 0, budget: r.between(...g.size.statements) }, () => {
    const stmts = block(g, 100000);
    return stmts.length && terminates(stmts.at(-1)!) ? stmts : [...stmts, returnStmt(g)];
  });
  return { decorator: ctx.decorator, options, name: id, contextType: ctx.name, verdictType: ctx.verdict, body };
}
