// Structs and fixed arrays: declarations without padding, object and array literals, and the places a value can be stored.
import { call, index, member, name, type Expr, type Item } from "./ast.js";
import { indexExpr, valueOf } from "./expressions.js";
import type { Gen, StructDef } from "./gen.js";
import { BOOL, INT, INT_TYPES, layoutOf, tagOf, typeText, type VType } from "./types.js";

const structLayout = (g: Gen) => (n: string) => g.structs.find((s) => s.name === n)!;

/** A new interface (or object type alias) whose fields leave no padding: sorted by alignment, the tail filled explicitly. */
export function declareStruct(g: Gen): Item {
  const r = g.rnd;
  const fields: { name: string; type: VType }[] = [];
  const count = r.between(1, 5);
  for (let i = 1; i <= count; i++) {
    const type = r.weighted<() => VType>([
      [() => INT(r.pick(INT_TYPES)), 5],
      [() => BOOL, 1],
      [() => ({ k: "struct", name: r.pick(g.structs).name }), g.structs.length ? 1.2 : 0],
      [() => ({ k: "array", elem: INT(r.pick(["u8", "u16", "u32"] as const)), n: r.between(1, 8) }), 1],
    ])();
    fields.push({ name: `f${i}`, type });
  }
  const layout = (t: VType) => layoutOf(t, structLayout(g));
  fields.sort((a, b) => layout(b.type).align - layout(a.type).align);
  const align = Math.max(...fields.map((f) => layout(f.type).align));
  let size = fields.reduce((s, f) => s + layout(f.type).size, 0);
  for (let pad = 1; size % align !== 0; pad++, size++) fields.push({ name: `pad${pad}`, type: INT("u8") });
  const def: StructDef = { name: `S${g.structs.length + 1}`, fields, size, align };
  g.structs.push(def);
  g.use("struct");
  const alias = r.chance(0.3);
  if (alias) g.use("object type alias");
  return { k: "struct", name: def.name, alias, fields: fields.map((f) => ({ name: f.name, type: typeText(f.type) })) };
}

/** A struct, array or address value where its type is known from context: a copy of a variable, a literal, a call. */
export function structValue(g: Gen, t: VType): Expr {
  const r = g.rnd;
  const vars = g.scope.visible().filter((v) => typeText(v.type) === typeText(t) && g.scope.isNonNull(v) && t.k !== "array");
  if (vars.length && r.chance(0.35)) {
    g.use(`${t.k} copy`);
    return name(r.pick(vars).name);
  }
  if (t.k === "addr") return addressValue(g, t.name) ?? { k: "object", fields: [{ name: "bytes", value: arrayLiteral(g, { k: "array", elem: INT("u8"), n: t.size }) }] };
  if (t.k === "array") return arrayLiteral(g, t);
  if (t.k !== "struct") throw new Error(`no value of ${typeText(t)}`);
  const makers = g.functions.filter((f) => f.returns && typeText(f.returns) === t.name && f.params.every((p) => p.type.k !== "header"));
  if (makers.length && r.chance(0.25)) {
    const f = r.pick(makers);
    return call(name(f.name), f.params.map((p) => valueOf(g, p.type, p.nullable)));
  }
  g.use("object literal");
  const def = g.structs.find((s) => s.name === t.name)!;
  return { k: "object", fields: def.fields.map((f) => ({ name: f.name, value: valueOf(g, f.type) })) };
}

export function arrayLiteral(g: Gen, t: Extract<VType, { k: "array" }>): Expr {
  g.use("array literal");
  const n = g.rnd.between(0, Math.min(t.n, 6));
  return { k: "array", items: Array.from({ length: n }, () => valueOf(g, t.elem)) };
}

/** An address read from a header field or an address variable, if one is in scope. */
export function addressValue(g: Gen, addr: string): Expr | undefined {
  const r = g.rnd;
  const options: (() => Expr)[] = [];
  for (const v of g.scope.visible()) {
    if (v.type.k === "addr" && v.type.name === addr) options.push(() => name(v.name));
    if (v.type.k !== "header" || !g.scope.isNonNull(v)) continue;
    const header = v.type.name;
    for (const f of g.api.headers.get(header)!.fields) {
      if (f.type.k === "addr" && f.type.name === addr) options.push(() => (g.use(`${header}.${f.name}`), member(name(v.name), f.name)));
    }
  }
  return options.length ? r.pick(options)() : undefined;
}

export interface Place {
  target: () => Expr;
  type: VType;
}

/** The places an assignment may write: lets and parameters, their fields and elements, map references, address bytes. */
export function writablePlaces(g: Gen): Place[] {
  const out: Place[] = [];
  for (const v of g.scope.visible()) {
    if (v.counter || !g.scope.isNonNull(v)) continue;
    const base = () => name(v.name, tagOf(v.type));
    if (v.ref) {
      if (v.type.k === "int") out.push({ target: () => (g.use("map reference write"), member(base(), "value", tagOf(v.type))), type: v.type });
      else placesIn(g, base, v.type, out);
    } else if (v.mutable) {
      if (v.type.k === "int" || v.type.k === "bool") out.push({ target: base, type: v.type });
      else if (v.type.k === "struct" || v.type.k === "array" || v.type.k === "addr") placesIn(g, base, v.type, out);
    }
  }
  return out;
}

function placesIn(g: Gen, base: () => Expr, t: VType, out: Place[]): void {
  switch (t.k) {
    case "int":
    case "bool":
      out.push({ target: base, type: t });
      return;
    case "struct":
      for (const f of structLayout(g)(t.name).fields) {
        const field = () => member(base(), f.name, tagOf(f.type));
        if (f.type.k === "struct") out.push({ target: field, type: f.type });
        placesIn(g, field, f.type, out);
      }
      return;
    case "array":
      placesIn(g, () => index(base(), indexExpr(g, t.n), tagOf(t.elem)), t.elem, out);
      return;
    case "addr":
      placesIn(g, () => member(base(), "bytes"), { k: "array", elem: INT("u8"), n: t.size }, out);
      return;
  }
}
