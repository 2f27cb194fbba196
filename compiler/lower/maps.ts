// Lowers maps: BTF-defined map definitions in ".maps", and one small inline accessor per map method a probe uses.
import { ts } from "ts-morph";
import { assign, binary, call, callStmt, cast, decl, exprStmt, slotDecl, id, ifThen, inlineFunction, member, not, num, ret, unary, type CExpr, type CField, type CStmt, type CTopLevel } from "../c/ast.js";
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
export function mapDefinition(map: Pick<MapInfo, "name" | "kind" | "size" | "key" | "value"> & { cName?: string }, comment = `${map.name}: ${map.kind.name}`): CTopLevel {
  const k = map.kind;
  const attribute = (name: string, value: number, note?: string): CField => ({ type: "int", name: `(*${name})`, length: value, comment: note });
  const fields = [attribute("type", k.typeId, k.bpfType), attribute("max_entries", map.size)];
  if (k.flags) fields.push(attribute("map_flags", k.flags));
  if (k.value === "fixed") fields.push(attribute("key_size", 4), attribute("value_size", 4));
  else if (map.key) fields.push({ type: `${cType(map.key)} *`, name: "key" }, { type: `${cType(map.value)} *`, name: "value" });
  return { k: "variable", type: "struct", fields, name: map.cName ?? map.name, symbol: map.name, section: ".maps", comment };
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
 * One accessor, and the types it needs: keys are passed by value (the accessor is inlined) and what the helper takes by
 * address is copied into a slot-aligned local first (TSBPF_SLOT: runtime/base.h). A struct literal given as a key or
 * value is instead built by the caller in a local of its own, scoped to the call, and passed by address (`inPlace`): as
 * a value, clang computed all its fields into registers before the copy and spilled them, past the 512-byte stack for
 * two 40-byte literals.
 */
function accessor(lx: LowerContext, map: MapInfo, method: keyof typeof MAP_METHODS, name: string, inPlace: ReadonlySet<string>): CTopLevel[] {
  const K = map.key ? cType(map.key) : "";
  const V = cType(map.value);
  const m = unary("&", id(map.cName));
  const at = (n: string) => (inPlace.has(n) ? id(n) : unary("&", id(n)));
  const fix = keyToMapOrder(lx, map, inPlace.has("key"));
  const use = (h: string) => lx.kernelHelpers.add(h);
  const helper = (fn: string, ...args: CExpr[]) => call(`tsbpf_${fn}`, [m, ...args]);
  const succeeded = (e: CExpr) => binary("==", e, num(0));
  /** params: [C type, name, taken by address]. */
  const fn = (returnType: string, params: [string, string, boolean?][], body: CStmt[]): CTopLevel[] => {
    const own = (n: string, byAddress?: boolean) => byAddress && !inPlace.has(n);
    const list = params.map(([t, n, byAddress]) => (inPlace.has(n) ? { type: `${t} *`, name: n } : { type: t, name: own(n, byAddress) ? `${n}_in` : n }));
    const slots = params.filter(([, n, byAddress]) => own(n, byAddress)).map(([t, n]) => slotDecl(t, n, id(`${n}_in`)));
    const types: CTopLevel[] = params.filter(([, n]) => inPlace.has(n)).map(([t, n]) => ({ k: "typedef", type: t, name: slotType(name, n), attributes: "TSBPF_SLOT" }));
    return [...types, { k: "function", fn: inlineFunction(name, returnType, list, [...slots, ...body]) }];
  };
  const key: [string, string, boolean] = [K, "key", true];
  switch (method) {
    case "get":
      use("map_lookup_elem");
      return fn(`${V} *`, [key], [...fix, ret(helper("map_lookup_elem", at("key")))]);
    case "set":
      use("map_update_elem");
      return fn("_Bool", [key, [V, "value", true], ["__u64", "flags"]], [...fix, ret(succeeded(helper("map_update_elem", at("key"), at("value"), id("flags"))))]);
    case "delete":
      use("map_delete_elem");
      return fn("_Bool", [key], [...fix, ret(succeeded(helper("map_delete_elem", at("key"))))]);
    case "increment": {
      use("map_lookup_elem");
      const v = id("v");
      const add = map.kind.perCpu ? exprStmt(binary("+=", unary("*", v), id("by"))) : callStmt("__sync_fetch_and_add", [v, id("by")]);
      const body = [...fix, decl(`${V} *`, "v", helper("map_lookup_elem", at("key")))];
      if (map.kind.key === "index") body.push(ifThen(v, [add]));
      else {
        use("map_update_elem");
        // absent: insert `by` unless another CPU inserted the key first (BPF_NOEXIST, 1), then add to that entry
        const inserted = succeeded(helper("map_update_elem", at("key"), unary("&", id("by")), num(1)));
        body.push(ifThen(not(v), [ifThen(inserted, [ret()]), assign(v, helper("map_lookup_elem", at("key"))), ifThen(not(v), [ret()])]), add);
      }
      return fn("void", [key, [V, "by", map.kind.key !== "index"]], body);
    }
    case "output":
      use("ringbuf_output");
      return fn("_Bool", [[V, "record", true]], [ret(succeeded(helper("ringbuf_output", at("record"), { k: "sizeof", operand: id(V) }, num(0))))]);
    case "redirect":
      use("redirect_map");
      return fn("enum xdp_action", [["__u32", "index"], ["__u64", "fallback"]], [ret(cast("enum xdp_action", helper("redirect_map", id("index"), id("fallback"))))]);
    case "tailCall":
      use("tail_call");
      return fn("void", [["struct xdp_md *", "ctx"], ["__u32", "index"]], [callStmt("tsbpf_tail_call", [id("ctx"), m, id("index")])]);
  }
}

/** LPM keys hold host-order addresses in the program and network-order ones in the map. */
function keyToMapOrder(lx: LowerContext, map: MapInfo, byAddress: boolean): CStmt[] {
  if (map.key?.kind !== "struct") return [];
  const info = lx.facts.structs.get(map.key.name)!;
  return info.fields.filter((f) => info.networkOrder?.has(f.name) && f.type.kind === "int" && INTS[f.type.name].bits > 8).map((f) => {
    const bits = INTS[(f.type as { name: keyof typeof INTS }).name].bits;
    const field = member(id("key"), f.name, byAddress);
    return assign(field, call(`__builtin_bswap${bits}`, [field]));
  });
}

/** `r.value` → `*r`, `r.count` → `r->count`. */
export function lowerRefField(lx: LowerContext, node: ts.PropertyAccessExpression, ref: TType & { kind: "ref" }): CExpr {
  const pointer = lowerAs(lx, node.expression);
  return ref.target.kind === "struct" ? { k: "member", object: pointer, field: node.name.text, arrow: true } : unary("*", pointer);
}

