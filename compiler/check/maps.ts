// Checks map declarations (`const m = new HashMap<K, V>(n)`) and calls of their methods against compiler/maps.
import { ts } from "ts-morph";
import { messages } from "../diagnostics/catalogue.js";
import { mapKind, RINGBUF_PAGE, type MapKind } from "../maps/kinds.js";
import { MAP_METHODS, type ParamRole } from "../maps/methods.js";
import { layoutOf, paddingOf } from "../types/layout.js";
import { BOOL, int, typeName, VOID, type TType } from "../types/types.js";
import { INTS } from "../types/int-types.js";
import { constantOf } from "./constants.js";
import type { CheckContext } from "./context.js";
import { checkAssignable, checkExpr } from "./expressions.js";
import { typeFromNode } from "./type-nodes.js";
import { objectCName } from "./names.js";

export interface MapInfo {
  /** The map's name: its ELF symbol and BTF name, so the kernel, bpftool, pins and the manifest show it. */
  name: string;
  /** The identifier of its definition in the C (the name stays the symbol, through an asm label). */
  cName: string;
  kind: MapKind;
  /** The key type (u32 for index kinds; absent for ring buffers). */
  key?: TType;
  /** The value type (u32 for device, socket and program maps). */
  value: TType;
  /** max_entries: the entry count, or a ring buffer's size in bytes. */
  size: number;
  decl: ts.VariableDeclaration;
}

const U32 = int("u32");
const MAX_ENTRIES = 0xffffffffn;

/** The map kind a module-level `new X<...>(n)` declares, if X is one of the runtime's map classes. */
export function mapKindOf(cx: CheckContext, init: ts.Expression): MapKind | undefined {
  if (!ts.isNewExpression(init) || !ts.isIdentifier(init.expression)) return undefined;
  const decl = cx.declarationOf(init.expression);
  return decl && cx.isAmbient(decl) ? mapKind(init.expression.text) : undefined;
}

export function declareMap(cx: CheckContext, decl: ts.VariableDeclaration & { name: ts.Identifier }, init: ts.NewExpression, kind: MapKind): MapInfo | undefined {
  const name = decl.name.text;
  const wanted = (kind.key === "generic" || kind.key === "prefix" ? 1 : 0) + (kind.value === "generic" ? 1 : 0);
  const given = init.typeArguments ?? [];
  if (given.length !== wanted) {
    cx.error(init, messages.mapDeclaration(wanted ? `write the ${wanted === 2 ? "key and value types" : kind.key === "none" ? "record type" : "value type"}: ${example(kind)}` : `${kind.name} takes no type arguments: ${example(kind)}`));
    return undefined;
  }
  let next = 0;
  const key = kind.key === "index" ? U32 : kind.key === "none" ? undefined : mapType(cx, given[next++]!, kind.key === "prefix" ? "prefix" : "key");
  const value = kind.value === "fixed" ? U32 : mapType(cx, given[next++]!, "value");
  if ((kind.key !== "index" && kind.key !== "none" && !key) || !value) return undefined;
  const size = mapSize(cx, init, kind);
  if (size === undefined) return undefined;
  return { name, cName: objectCName(name), kind, key, value, size, decl };
}

function example(kind: MapKind): string {
  const args = [kind.key === "generic" ? "u32" : kind.key === "prefix" ? "Ipv4Prefix" : "", kind.value === "generic" ? "u64" : ""].filter(Boolean);
  return `new ${kind.name}${args.length ? `<${args.join(", ")}>` : ""}(${kind.sizeArg === "bytes" ? RINGBUF_PAGE * 4 : 1024})`;
}

/** A key or value type: an integer or a struct without padding (the kernel hashes and copies every byte). */
function mapType(cx: CheckContext, node: ts.TypeNode, role: "key" | "value" | "prefix"): TType | undefined {
  const t = typeFromNode(cx, node);
  if (!t) return undefined;
  if (role === "prefix") {
    if (t.kind === "struct" && (t.name === "Ipv4Prefix" || t.name === "Ipv6Prefix")) return t;
    cx.error(node, messages.mapDeclaration("an LpmTrie's key type is Ipv4Prefix or Ipv6Prefix"));
    return undefined;
  }
  if (t.kind === "int") return t;
  if (t.kind !== "struct") {
    cx.error(node, messages.mapDeclaration(`a map ${role} is an integer type or a struct, not ${typeName(t)}`));
    return undefined;
  }
  const gap = paddingOf(layoutOf(cx, t))[0];
  if (gap) {
    cx.error(node, messages.mapPadding(t.name, gap.after ? `after '${gap.after}'` : "at its start", gap.bytes));
    return undefined;
  }
  return t;
}

function mapSize(cx: CheckContext, init: ts.NewExpression, kind: MapKind): number | undefined {
  const arg = init.arguments?.[0];
  if (!arg || init.arguments!.length !== 1) {
    cx.error(init, messages.mapDeclaration(`give the ${kind.sizeArg === "bytes" ? "size in bytes" : "number of entries"}: ${example(kind)}`));
    return undefined;
  }
  checkExpr(cx, arg);
  const n = constantOf(cx, arg);
  if (n === undefined || n <= 0n || n > MAX_ENTRIES) {
    cx.error(arg, messages.mapDeclaration(`the ${kind.sizeArg === "bytes" ? "size" : "number of entries"} must be a constant between 1 and ${MAX_ENTRIES}`));
    return undefined;
  }
  if (kind.sizeArg === "bytes" && (n % BigInt(RINGBUF_PAGE) !== 0n || (n & (n - 1n)) !== 0n)) {
    cx.error(arg, messages.mapDeclaration(`a ring buffer's size is a power of two and a multiple of ${RINGBUF_PAGE}, not ${n}`));
    return undefined;
  }
  return Number(n);
}

/** `m.get(k)`, `m.set(k, v, flags)`, `m.increment(k)`, `rb.output(r)`, `dev.redirect(i)`, `progs.tailCall(ctx, i)`. */
export function checkMapCall(cx: CheckContext, node: ts.CallExpression, callee: ts.PropertyAccessExpression, map: MapInfo): TType | undefined {
  const method = callee.name.text;
  const label = `${map.name}.${method}()`;
  const spec = (map.kind.methods as string[]).includes(method) ? MAP_METHODS[method as keyof typeof MAP_METHODS] : undefined;
  if (!spec) {
    cx.error(callee.name, messages.callArguments(label, `a ${map.kind.name} has ${map.kind.methods.map((m) => `${m}()`).join(", ")}`));
    return undefined;
  }
  const required = spec.params.filter((p) => !p.optional).length;
  if (node.arguments.length < required || node.arguments.length > spec.params.length) {
    cx.error(node, messages.callArguments(label, `it takes ${spec.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")}`));
    return undefined;
  }
  if (spec.kinds) cx.useRestricted(node, label, spec.kinds);
  let ok = true;
  node.arguments.forEach((arg, i) => {
    if (!checkArgument(cx, arg, spec.params[i]!.role, map, label)) ok = false;
  });
  if (!ok) return undefined;
  switch (spec.returns) {
    case "ref":
      return { kind: "ref", target: map.value, nullable: true };
    case "bool":
      return BOOL;
    case "void":
      return method === "increment" && !incrementable(cx, node, map, label) ? undefined : VOID;
    case "verdict":
      return { kind: "enum", name: "XdpAction" };
  }
}

/** The type a method parameter of this role takes on this map (the context's is any program context). */
export function roleType(map: MapInfo, role: ParamRole): TType | undefined {
  switch (role) {
    case "key":
      return map.key;
    case "value":
    case "by":
      return map.value;
    case "index":
      return U32;
    case "flags":
      return { kind: "enum", name: "MapUpdate" };
    case "fallback":
      return { kind: "enum", name: "XdpAction" };
    case "ctx":
      return undefined;
  }
}

function checkArgument(cx: CheckContext, arg: ts.Expression, role: ParamRole, map: MapInfo, label: string): boolean {
  switch (role) {
    case "key":
    case "value":
    case "index":
    case "flags":
      return !!checkAssignable(cx, arg, roleType(map, role)!);
    case "by":
      if (map.value.kind !== "int") return true; // reported by incrementable()
      return !!checkAssignable(cx, arg, map.value);
    case "fallback": {
      // the kernel takes the fallback from the two low bits of the flags: Aborted, Drop, Pass or Tx
      const e = ts.isPropertyAccessExpression(arg) ? arg : undefined;
      if (e && ts.isIdentifier(e.expression) && e.expression.text === "XdpAction" && e.name.text === "Redirect") {
        cx.error(arg, messages.callArguments(label, "the fallback is XdpAction.Aborted, Drop, Pass or Tx"));
        return false;
      }
      return !!checkAssignable(cx, arg, roleType(map, role)!);
    }
    case "ctx": {
      const t = checkExpr(cx, arg);
      if (t && t.kind !== "context") cx.error(arg, messages.callArguments(label, "the first argument is the program's context"));
      return t?.kind === "context";
    }
  }
}

/** increment() adds to an integer; on a map shared by CPUs it is an atomic add, which needs 32 or 64 bits. */
function incrementable(cx: CheckContext, node: ts.CallExpression, map: MapInfo, label: string): boolean {
  if (map.value.kind !== "int") {
    cx.error(node, messages.callArguments(label, `the values are ${typeName(map.value)}, not integers`));
    return false;
  }
  if (!map.kind.perCpu && INTS[map.value.name].bits < 32) {
    cx.error(node, messages.atomicWidth(map.value.name));
    return false;
  }
  return true;
}
