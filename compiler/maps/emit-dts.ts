// Generates runtime-types/maps.d.ts, the map classes probes are checked against, from the map kinds and methods.
import { MAP_KINDS, type MapKind } from "./kinds.js";
import { MAP_METHODS, type ParamRole } from "./methods.js";

const PREAMBLE = `// Maps: BPF maps declared at module level with \`new Kind<...>(size)\`. Generated from compiler/maps; do not edit.

/** Flags of set(): whether the key may, must not or must already exist. */
declare const enum MapUpdate { Any = 0, NoExist = 1, Exist = 2 }

/** A reference to an integer stored in a map: read and write it as \`.value\`. */
interface Ref<T> { value: T }

/** What get() returns: a struct value by reference, an integer through Ref. */
type MapValueRef<V> = V extends number ? Ref<V> : V;

/** An IPv4 LPM key: the first prefixLen bits of addr (a host-order address, as packet getters give it). */
interface Ipv4Prefix { prefixLen: u32; addr: u32 }

/** An IPv6 LPM key: the first prefixLen bits of addr (its 16 bytes in packet order). */
interface Ipv6Prefix { prefixLen: u32; addr: FixedArray<u8, 16> }`;

function typeParams(k: MapKind): string[] {
  const params: string[] = [];
  if (k.key === "generic") params.push("K");
  if (k.key === "prefix") params.push("P extends Ipv4Prefix | Ipv6Prefix");
  if (k.value === "generic") params.push("V");
  return params;
}

function roleType(k: MapKind, role: ParamRole): string {
  switch (role) {
    case "key":
      return k.key === "generic" ? "K" : k.key === "prefix" ? "P" : "u32";
    case "value":
    case "by":
      return "V";
    case "flags":
      return "MapUpdate";
    case "index":
      return "u32";
    case "fallback":
      return "XdpAction";
    case "ctx":
      return "XdpContext";
  }
}

const RESULTS = { ref: "MapValueRef<V> | null", bool: "bool", void: "void", verdict: "XdpAction" } as const;

function mapClass(k: MapKind): string {
  const params = typeParams(k);
  const lines = [`/** ${k.doc} (${k.bpfType}, Linux ${k.minKernel}) */`, `declare class ${k.name}${params.length ? `<${params.join(", ")}>` : ""} {`];
  lines.push(`  constructor(${k.sizeArg}: number);`);
  for (const name of k.methods) {
    const m = MAP_METHODS[name];
    const args = m.params.map((p) => `${p.name}${p.optional ? "?" : ""}: ${roleType(k, p.role)}`).join(", ");
    lines.push(`  /** ${m.doc} */`, `  ${name}(${args}): ${RESULTS[m.returns]};`);
  }
  lines.push("}");
  return lines.join("\n");
}

export function emitMapsDts(): string {
  return [PREAMBLE, ...MAP_KINDS.map(mapClass)].join("\n\n") + "\n";
}
