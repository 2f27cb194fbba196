// What the public API offers, shaped for the generator: headers and their fields and accessors, contexts, maps, helpers.
import { allMembers, publicApi, type FunctionApi, type MemberApi } from "./api.js";
import { BOOL, INT, isIntType, type IntType, type VType } from "./types.js";

export interface FieldView {
  name: string;
  type: VType;
  writable: boolean;
}

export interface AccessorView {
  name: string;
  /** A header's interface name, or "Cursor". */
  child: string;
  nullable: boolean;
  /** Takes an index (`eth.vlan(i)`). */
  indexed: boolean;
}

export interface HeaderView {
  name: string;
  fields: FieldView[];
  accessors: AccessorView[];
}

export interface RawAccess {
  name: string;
  type: IntType;
}

export interface ContextView {
  /** The decorator that declares such programs: xdp, tc, socketFilter. */
  decorator: string;
  name: string;
  verdict: string;
  optionsType: string;
  fields: FieldView[];
  rawType: string;
  rawFields: FieldView[];
  /** Methods that move the packet's bounds (adjustHead...): `(delta: i32) => bool`. */
  adjustments: string[];
  /** Socket filters read a copy of the packet: no header setters, no raw writes (docs/packet-api.md, TSBPF1052). */
  packetReadOnly: boolean;
}

export interface MapKindView {
  name: string;
  typeParams: string[];
  methods: MemberApi[];
  /** Per-CPU maps add without atomics, so increment() takes any integer width (TSBPF1048). */
  perCpu: boolean;
  /** What indexes it: a key type argument (K), an LPM prefix (P), or a u32 index. */
  key: "K" | "P" | "u32";
}

export interface Surface {
  headers: Map<string, HeaderView>;
  cursor: HeaderView & { reads: RawAccess[]; writes: RawAccess[]; bytes: string };
  contexts: ContextView[];
  maps: MapKindView[];
  helpers: FunctionApi[];
  enums: Map<string, { name: string; value: bigint }[]>;
  logLevels: string[];
  /** `{ bytes: FixedArray<u8, n> }` address types. */
  addresses: Map<string, number>;
  /** LPM key structs: name and fields. */
  prefixKeys: Map<string, FieldView[]>;
}

let cached: Surface | undefined;

export function surface(): Surface {
  cached ??= readSurface();
  return cached;
}

function readSurface(): Surface {
  const api = publicApi();
  const addresses = new Map<string, number>();
  for (const [name, decl] of api.interfaces) {
    const bytes = decl.members.find((m) => m.name === "bytes" && /^FixedArray<u8, \d+>$/.test(m.type));
    if (bytes && decl.members.length === 1) addresses.set(name, Number(/(\d+)>$/.exec(bytes.type)![1]));
  }
  const headerNames = [...api.interfaces.values()].filter((d) => api.fileOf.get(d.name) === "packet.d.ts" && d.members.some((m) => m.params && m.type === "Cursor")).map((d) => d.name);
  const names = new Set([...headerNames, "Cursor"]);
  const parse = (t: string) => parseApiType(t, names, addresses, new Set(api.enums.keys()));
  const view = (name: string): HeaderView => {
    const members = allMembers(api, name);
    return {
      name,
      fields: members.filter((m) => !m.params).flatMap((m) => {
        const type = parse(m.type);
        return type ? [{ name: m.name, type: type.type, writable: !m.readonly }] : [];
      }),
      accessors: members.filter((m) => m.params).flatMap((m) => {
        const type = parse(m.type);
        if (!type || (type.type.k !== "header" && type.type.k !== "cursor")) return [];
        return [{ name: m.name, child: type.type.k === "cursor" ? "Cursor" : type.type.name, nullable: type.nullable, indexed: m.params!.length === 1 }];
      }),
    };
  };
  const headers = new Map(headerNames.filter((n) => n !== "Cursor").map((n) => [n, view(n)]));
  const cursorMembers = allMembers(api, "Cursor").filter((m) => m.params);
  const cursor = {
    ...view("Cursor"),
    reads: cursorMembers.filter((m) => isIntType(m.type) && m.params!.length === 1).map((m) => ({ name: m.name, type: m.type as IntType })),
    writes: cursorMembers.filter((m) => m.type === "void" && m.params!.length === 2 && isIntType(m.params![1]!.type)).map((m) => ({ name: m.name, type: m.params![1]!.type as IntType })),
    bytes: cursorMembers.find((m) => m.type.startsWith("FixedArray"))!.name,
  };
  const contexts = [...api.functions.entries()].flatMap(([decorator, overloads]): ContextView[] => {
    const program = api.typeAliases.get(overloads[0]!.params[0]?.type ?? "");
    const m = program && /^\(ctx: (\w+)\) => (\w+)$/.exec(program);
    if (!m) return [];
    const [, ctxName, verdict] = m;
    const members = allMembers(api, ctxName!);
    const rawType = members.find((x) => x.name === "raw")!.type;
    const fieldsOf = (ms: MemberApi[]) =>
      ms.filter((x) => !x.params).flatMap((x) => {
        const type = parse(x.type);
        return type && (type.type.k === "int" || type.type.k === "bool" || type.type.k === "array") ? [{ name: x.name, type: type.type, writable: !x.readonly }] : [];
      });
    return [
      {
        decorator,
        name: ctxName!,
        verdict: verdict!,
        optionsType: overloads[1]?.params[0]?.type ?? "",
        fields: fieldsOf(members),
        rawType,
        rawFields: fieldsOf(allMembers(api, rawType)),
        adjustments: members.filter((x) => x.params?.length === 1 && x.params[0]!.type === "i32" && x.type === "bool").map((x) => x.name),
        packetReadOnly: /read-only/.test(members.find((x) => x.name === "packet")?.doc ?? ""),
      },
    ];
  });
  const maps = [...api.classes.values()]
    .filter((c) => api.fileOf.get(c.name) === "maps.d.ts")
    .map((c) => ({ name: c.name, typeParams: c.typeParams, methods: c.members.filter((m) => m.params), perCpu: c.name.startsWith("PerCpu"), key: c.typeParams.includes("K") ? ("K" as const) : c.typeParams.includes("P") ? ("P" as const) : ("u32" as const) }));
  const helpers = [...api.functions.values()].flat().filter((f) => api.fileOf.get(f.name) === "helpers.d.ts");
  const logLevels = allMembers(api, "Log").map((m) => m.name);
  const prefixKeys = new Map(
    ["Ipv4Prefix", "Ipv6Prefix"].map((n) => [n, allMembers(api, n).map((m) => ({ name: m.name, type: parseApiType(m.type, names, addresses, new Set())!.type, writable: true }))]),
  );
  return { headers, cursor, contexts, maps, helpers, enums: api.enums, logLevels, addresses, prefixKeys };
}

/** A type as written in runtime-types/: an integer, bool, header, cursor, address, enum or fixed array, perhaps `| null`. */
export function parseApiType(text: string, headers: Set<string>, addresses: Map<string, number>, enums: Set<string>): { type: VType; nullable: boolean } | undefined {
  const nullable = / \| null$/.test(text);
  const t = text.replace(/ \| null$/, "");
  const array = /^FixedArray<(\w+), (\d+)>$/.exec(t);
  if (array) {
    const elem = parseApiType(array[1]!, headers, addresses, enums);
    return elem ? { type: { k: "array", elem: elem.type, n: Number(array[2]) }, nullable } : undefined;
  }
  if (isIntType(t)) return { type: INT(t), nullable };
  if (t === "bool" || t === "boolean") return { type: BOOL, nullable };
  if (t === "Cursor") return { type: { k: "cursor" }, nullable };
  if (headers.has(t)) return { type: { k: "header", name: t }, nullable };
  if (addresses.has(t)) return { type: { k: "addr", name: t, size: addresses.get(t)! }, nullable };
  if (enums.has(t)) return { type: { k: "enum", name: t }, nullable };
  return undefined;
}
