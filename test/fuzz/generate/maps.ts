// Map declarations of every kind and calls of their methods: get (with references), set, delete, increment, output, redirect, tailCall.
import { member, method, name, num, type Expr, type Item, type Stmt } from "./ast.js";
import { intExpr, valueOf } from "./expressions.js";
import type { Gen, MapDef } from "./gen.js";
import { guard } from "./headers.js";
import { bitsOf, INT, INT_TYPES, typeText, type VType } from "./types.js";

/** `const map3 = new LpmTrie<Ipv4Prefix, u32>(64);` */
export function declareMap(g: Gen): Item {
  const r = g.rnd;
  const kind = r.pick(g.api.maps);
  const scalarOrStruct = (): VType => (g.structs.length && r.chance(0.3) ? { k: "struct", name: r.pick(g.structs).name } : INT(r.pick(INT_TYPES)));
  const def: MapDef = { name: `map${g.maps.length + 1}`, kind, size: r.pick([1, 2, 4, 16, 64, 256, 1024]) };
  const typeArgs: string[] = [];
  for (const p of kind.typeParams) {
    if (p === "K") def.key = scalarOrStruct();
    else if (p === "P") def.key = { k: "struct", name: r.pick([...g.api.prefixKeys.keys()]) };
    else def.value = scalarOrStruct();
    typeArgs.push(typeText(p === "V" ? def.value! : def.key!));
  }
  if (kind.key === "u32") def.key = INT("u32");
  if (kind.name === "RingBuf") def.size = 4096 << r.below(4);
  g.maps.push(def);
  g.use(`map ${kind.name}`);
  return { k: "const", name: def.name, init: { k: "new", cls: kind.name, typeArgs, args: [num(def.size)] } };
}

function keyOf(g: Gen, m: MapDef): Expr {
  const key = m.key!;
  if (key.k === "struct" && g.api.prefixKeys.has(key.name)) {
    const fields = g.api.prefixKeys.get(key.name)!;
    const bits = fields.find((f) => f.type.k === "array") ? 128 : 32;
    g.use(`LPM ${key.name}`);
    return { k: "object", fields: fields.map((f) => ({ name: f.name, value: f.name === "prefixLen" ? num(g.rnd.between(0, bits)) : valueOf(g, f.type) })) };
  }
  return valueOf(g, key);
}

/** Whether increment() is allowed: integer values, 32 or 64 bits on maps shared by all CPUs (TSBPF1048). */
const incrementable = (m: MapDef) => m.value?.k === "int" && (m.kind.perCpu || bitsOf(m.value.t) >= 32);

/** One use of a map, as statements: a lookup with its reference, or a call of another method. */
export function mapStatement(g: Gen): Stmt[] {
  const r = g.rnd;
  const usable = g.maps.filter((m) => m.kind.methods.some((x) => methodUsable(g, m, x.name)));
  if (usable.length === 0) return [];
  const m = r.pick(usable);
  const methodName = r.pick(m.kind.methods.filter((x) => methodUsable(g, m, x.name))).name;
  g.use(`${m.kind.name}.${methodName}`);
  const target = name(m.name);
  switch (methodName) {
    case "get": {
      const key = keyOf(g, m);
      const v = g.scope.declare({ name: g.scope.fresh("ref"), type: m.value!, mutable: false, nullable: true, undefinable: false, loopDepth: g.loopDepth, ref: true });
      const out: Stmt[] = [{ k: "decl", kind: "const", name: v.name, init: method(target, "get", [key]) }];
      if (r.chance(0.5)) out.push(guard(g, v));
      return out;
    }
    case "set": {
      const args = [keyOf(g, m), valueOf(g, m.value!)];
      if (r.chance(0.3)) args.push(member(name("MapUpdate"), r.pick(g.api.enums.get("MapUpdate")!).name));
      return [{ k: "expr", e: method(target, "set", args) }];
    }
    case "delete":
      return [{ k: "expr", e: method(target, "delete", [keyOf(g, m)]) }];
    case "increment": {
      const args = [keyOf(g, m)];
      if (r.chance(0.5)) args.push(intExpr(g, (m.value as { t: "u32" }).t, 1));
      return [{ k: "expr", e: method(target, "increment", args) }];
    }
    case "output":
      return [{ k: "expr", e: method(target, "output", [valueOf(g, m.value!)]) }];
    case "tailCall":
      return [{ k: "expr", e: method(target, "tailCall", [name("ctx"), intExpr(g, "u32", 1)]) }];
    default:
      // redirect(): a verdict, as a statement whose result is dropped
      return [{ k: "expr", e: method(target, methodName, [intExpr(g, "u32", 1)]) }];
  }
}

function methodUsable(g: Gen, m: MapDef, methodName: string): boolean {
  const decl = m.kind.methods.find((x) => x.name === methodName)!;
  if (methodName === "increment") return incrementable(m);
  // tailCall takes the XDP context; redirect gives an XDP verdict
  if (decl.params?.some((p) => p.name === "ctx")) return g.fn.program?.name === decl.params.find((p) => p.name === "ctx")!.type;
  if (g.api.enums.has(decl.type)) return g.fn.program?.verdict === decl.type;
  return true;
}

/** A bool from a map call, for conditions: `map1.set(k, v)`, `map2.delete(k)`, `rb.output(x)`. */
export function mapCondition(g: Gen): Expr | undefined {
  const options = g.maps.filter((m) => m.kind.methods.some((x) => x.type === "bool"));
  if (options.length === 0) return undefined;
  const m = g.rnd.pick(options);
  const call = g.rnd.pick(m.kind.methods.filter((x) => x.type === "bool"));
  g.use(`${m.kind.name}.${call.name}`);
  const args = call.name === "output" ? [valueOf(g, m.value!)] : call.name === "set" ? [keyOf(g, m), valueOf(g, m.value!)] : [keyOf(g, m)];
  return { ...method(name(m.name), call.name, args), t: "bool" };
}
