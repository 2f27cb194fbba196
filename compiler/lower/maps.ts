// Lowers maps: BTF-defined map definitions in ".maps", and one small inline accessor per map method a probe uses.
import { ts } from "ts-morph";
import { call, id, num, unary, type CExpr } from "../c/ast.js";
import { roleType, type MapInfo } from "../check/maps.js";
import { unparen } from "../check/syntax.js";
import { MAP_METHODS } from "../maps/methods.js";
import { INTS } from "../types/int-types.js";
import type { TType } from "../types/types.js";
import { cType } from "./c-types.js";
import type { LowerContext } from "./context.js";
import { lowerAs } from "./expressions.js";

/**
 * `struct { int (*type)[1]; ... } counts SEC(".maps");`: the map's attributes encoded in BTF, as libbpf reads them.
 * Also the runtime's own maps (the log ring buffer, the socket-filter scratch buffer), described like a probe's.
 */
export function mapDefinition(map: Pick<MapInfo, "name" | "kind" | "size" | "key" | "value"> & { cName?: string }, comment = `${map.name}: ${map.kind.name}`): string {
  const k = map.kind;
  const attrs = [`\tint (*type)[${k.typeId}]; /* ${k.bpfType} */`, `\tint (*max_entries)[${map.size}];`];
  if (k.flags) attrs.push(`\tint (*map_flags)[${k.flags}];`);
  if (k.value === "fixed") attrs.push("\tint (*key_size)[4];", "\tint (*value_size)[4];");
  else if (map.key) attrs.push(`\t${cType(map.key)} *key;`, `\t${cType(map.value)} *value;`);
  return `/* ${comment} */\nstruct {\n${attrs.join("\n")}\n} ${symbolDeclarator(map.name, map.cName)} SEC(".maps");`;
}

/** A global's declarator: its C identifier, labelled with its ELF symbol when the two differ (`tsbpf_obj_int __asm__("int")`). */
export function symbolDeclarator(symbol: string, cName = symbol): string {
  return cName === symbol ? symbol : `${cName} __asm__("${symbol}")`;
}

/** `m.get(k)` → `tsbpf_m_get(k)`, with the accessor defined once. */
export function lowerMapCall(lx: LowerContext, node: ts.CallExpression, callee: ts.PropertyAccessExpression, map: MapInfo): CExpr {
  const method = callee.name.text as keyof typeof MAP_METHODS;
  const spec = MAP_METHODS[method];
  // struct literals given as keys or values are built where the helper reads them (see accessor)
  const inPlace = new Set(spec.params.filter((p, i) => roleType(map, p.role)?.kind === "struct" && node.arguments[i] && ts.isObjectLiteralExpression(unparen(node.arguments[i]!))).map((p) => p.name));
  const name = `tsbpf_${map.name}_${method}${[...inPlace].map((n) => `_${n}_at`).join("")}`;
  if (!lx.accessors.has(name)) lx.accessors.set(name, accessor(lx, map, method, name, inPlace));
  const locals: { type: string; name: string; init: CExpr }[] = [];
  const args = spec.params.map((p, i) => {
    const arg = node.arguments[i];
    if (!arg) return p.role === "by" ? num(1) : num(0); // increment by 1; update flags BPF_ANY; redirect fallback XDP_ABORTED
    const value = lowerAs(lx, arg, roleType(map, p.role));
    if (!inPlace.has(p.name)) return value;
    // a local of the call's own scope: it lives only while the helper runs (a compound literal would live to the block's end)
    locals.push({ type: slotType(name, p.name), name: lx.temporary(p.name), init: value });
    return unary("&", id(locals[locals.length - 1]!.name));
  });
  return locals.length ? { k: "scoped", locals, value: call(name, args) } : call(name, args);
}

/** The 8-aligned type of a struct an accessor takes in place: the caller's local of it starts a stack slot (TSBPF_SLOT). */
const slotType = (accessorName: string, param: string) => `${accessorName}_${param}_slot`;

/**
 * The C of one accessor: keys are passed by value (the accessor is inlined) and what the helper takes by address is
 * copied into a slot-aligned local first (TSBPF_SLOT: see the prelude). A struct literal given as a key or value is
 * instead built by the caller in a local of its own, scoped to the call, and passed by address (`inPlace`): as a value, clang computed all
 * its fields into registers before the copy and spilled them, past the 512-byte stack for two 40-byte literals.
 */
function accessor(lx: LowerContext, map: MapInfo, method: keyof typeof MAP_METHODS, name: string, inPlace: ReadonlySet<string>): string {
  const K = map.key ? cType(map.key) : "";
  const V = cType(map.value);
  const m = `&${map.cName}`;
  const at = (n: string) => (inPlace.has(n) ? n : `&${n}`);
  const fix = keyToMapOrder(lx, map, inPlace.has("key") ? "key->" : "key.");
  const use = (h: string) => lx.kernelHelpers.add(h);
  /** params: [C type, name, taken by address]. */
  const fn = (ret: string, params: [string, string, boolean?][], body: string[]) => {
    const own = (n: string, byAddress?: boolean) => byAddress && !inPlace.has(n);
    const list = params.map(([t, n, byAddress]) => (inPlace.has(n) ? `${t} *${n}` : `${t}${t.endsWith("*") ? "" : " "}${own(n, byAddress) ? `${n}_in` : n}`)).join(", ");
    const slots = params.filter(([, n, byAddress]) => own(n, byAddress)).map(([t, n]) => `${t} ${n} TSBPF_SLOT = ${n}_in;`);
    const types = params.filter(([, n]) => inPlace.has(n)).map(([t, n]) => `typedef ${t} ${slotType(name, n)} TSBPF_SLOT;\n`);
    return `${types.join("")}static __always_inline ${ret} ${name}(${list})\n{\n${[...slots, ...body].map((l) => `\t${l}`).join("\n")}\n}`;
  };
  const key: [string, string, boolean] = [K, "key", true];
  switch (method) {
    case "get":
      use("map_lookup_elem");
      return fn(`${V} *`, [key], [...fix, `return tsbpf_map_lookup_elem(${m}, ${at("key")});`]);
    case "set":
      use("map_update_elem");
      return fn("_Bool", [key, [V, "value", true], ["__u64", "flags"]], [...fix, `return tsbpf_map_update_elem(${m}, ${at("key")}, ${at("value")}, flags) == 0;`]);
    case "delete":
      use("map_delete_elem");
      return fn("_Bool", [key], [...fix, `return tsbpf_map_delete_elem(${m}, ${at("key")}) == 0;`]);
    case "increment": {
      use("map_lookup_elem");
      const add = map.kind.perCpu ? "*v += by;" : "__sync_fetch_and_add(v, by);";
      const body = [...fix, `${V} *v = tsbpf_map_lookup_elem(${m}, ${at("key")});`];
      if (map.kind.key === "index") body.push("if (v)", `\t${add}`);
      else {
        use("map_update_elem");
        // absent: insert `by` unless another CPU inserted the key first, then add to that entry
        body.push("if (!v) {", `\tif (tsbpf_map_update_elem(${m}, ${at("key")}, &by, 1 /* BPF_NOEXIST */) == 0)`, "\t\treturn;", `\tv = tsbpf_map_lookup_elem(${m}, ${at("key")});`, "\tif (!v)", "\t\treturn;", "}", add);
      }
      return fn("void", [key, [V, "by", map.kind.key !== "index"]], body);
    }
    case "output":
      use("ringbuf_output");
      return fn("_Bool", [[V, "record", true]], [`return tsbpf_ringbuf_output(${m}, ${at("record")}, sizeof(${V}), 0) == 0;`]);
    case "redirect":
      use("redirect_map");
      return fn("enum xdp_action", [["__u32", "index"], ["__u64", "fallback"]], [`return (enum xdp_action)tsbpf_redirect_map(${m}, index, fallback);`]);
    case "tailCall":
      use("tail_call");
      return fn("void", [["struct xdp_md *", "ctx"], ["__u32", "index"]], [`tsbpf_tail_call(ctx, ${m}, index);`]);
  }
}

/** LPM keys hold host-order addresses in the program and network-order ones in the map. */
function keyToMapOrder(lx: LowerContext, map: MapInfo, key: string): string[] {
  if (map.key?.kind !== "struct") return [];
  const info = lx.facts.structs.get(map.key.name)!;
  return info.fields.filter((f) => info.networkOrder?.has(f.name) && f.type.kind === "int" && INTS[f.type.name].bits > 8).map((f) => {
    const bits = INTS[(f.type as { name: keyof typeof INTS }).name].bits;
    return `${key}${f.name} = __builtin_bswap${bits}(${key}${f.name});`;
  });
}

/** `r.value` → `*r`, `r.count` → `r->count`. */
export function lowerRefField(lx: LowerContext, node: ts.PropertyAccessExpression, ref: TType & { kind: "ref" }): CExpr {
  const pointer = lowerAs(lx, node.expression);
  return ref.target.kind === "struct" ? { k: "member", object: pointer, field: node.name.text, arrow: true } : unary("*", pointer);
}

