// Map keys and values as text for tsbpf maps: parsed from the command line and printed for people and for JSON, by the manifest's layouts.
import type { Value } from "../object/codec.js";
import { INTS } from "../types/int-types.js";
import type { Layout } from "../types/layout.js";

/** A mistake the user can fix (bad text, an operation the map cannot do, bpftool refusing): the CLI reports it as TSBPF9006. */
export class MapAccessError extends Error {
  override name = "MapAccessError";
}

/** A complaint about part of the input; parseMapInput adds the text, the expected form and an example. */
class InputError extends Error {}

type IntLayout = Extract<Layout, { kind: "int" }>;
const isInt = (l: Layout | undefined, type: string, big = false): l is IntLayout => l?.kind === "int" && l.type === type && (l.byteOrder === "big") === big;

/** 4 for an Ipv4Prefix ({ prefixLen: u32, addr: u32 big-endian }), 6 for an Ipv6Prefix ({ prefixLen: u32, addr: u8[16] }). */
function prefixFamily(l: Layout): 4 | 6 | undefined {
  if (l.kind !== "struct" || l.fields.length !== 2 || l.fields[0]!.name !== "prefixLen" || l.fields[1]!.name !== "addr" || !isInt(l.fields[0]!.layout, "u32")) return undefined;
  const addr = l.fields[1]!.layout;
  if (isInt(addr, "u32", true)) return 4;
  return addr.kind === "array" && addr.length === 16 && isInt(addr.element, "u8") ? 6 : undefined;
}

/**
 * Parses a key or value typed on the command line. Integers: decimal or 0x hex, range-checked. Structs and arrays: JSON,
 * with integers as numbers or (beyond 2^53) strings. Ipv4Prefix: "10.0.0.0/8"; Ipv6Prefix: "2001:db8::/32" (also inside
 * JSON); a u32 also takes a dotted quad, "10.0.0.1" as 0x0a000001 (how programs read ip.saddr; an Ipv4Prefix's addr stores it
 * big-endian). Errors give the expected form and an example.
 */
export function parseMapInput(layout: Layout, text: string, what: "key" | "value"): Value {
  const t = text.trim();
  try {
    if (!/^[{["]/.test(t)) return fromJson(layout, t, what);
    let json: unknown;
    try {
      json = JSON.parse(t);
    } catch (e) {
      throw new InputError(`it is not valid JSON (${(e as Error).message})`);
    }
    return fromJson(layout, json, what);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const example = exampleOf(layout);
    throw new MapAccessError(`invalid ${what} ${JSON.stringify(text)}: ${e.message}; expected ${formOf(layout)}, e.g. ${/^[{["]/.test(example) ? `'${example}'` : example}`);
  }
}

function fromJson(l: Layout, v: unknown, path: string): Value {
  const family = prefixFamily(l);
  if (family && typeof v === "string") return parsePrefix(family, v, path);
  switch (l.kind) {
    case "bool":
      if (typeof v === "boolean") return v;
      if (v === "true" || v === "false") return v === "true";
      throw new InputError(`${path} must be true or false`);
    case "int":
      return parseInteger(l, v, path);
    case "array": {
      const ip6 = typeof v === "string" && l.length === 16 && isInt(l.element, "u8") ? parseIpv6(v) : undefined;
      if (ip6) return ip6.map(BigInt);
      if (!Array.isArray(v) || v.length !== l.length) throw new InputError(`${path} must be an array of ${l.length} values`);
      return v.map((x, i) => fromJson(l.element, x, `${path}[${i}]`));
    }
    case "struct": {
      if (typeof v !== "object" || v === null || Array.isArray(v)) throw new InputError(`${path} must be a JSON object`);
      const record = v as Record<string, unknown>;
      const unknown = Object.keys(record).find((k) => !l.fields.some((f) => f.name === k));
      if (unknown !== undefined) throw new InputError(`${path} has no field ${JSON.stringify(unknown)}`);
      const missing = l.fields.filter((f) => !(f.name in record)).map((f) => f.name);
      if (missing.length) throw new InputError(`${path} lacks ${missing.join(", ")}`);
      return Object.fromEntries(l.fields.map((f) => [f.name, fromJson(f.layout, record[f.name], `${path}.${f.name}`)]));
    }
  }
}

function parseInteger(l: IntLayout, v: unknown, path: string): bigint {
  let n: bigint;
  const s = typeof v === "string" ? v.trim() : "";
  if (typeof v === "number") {
    if (!Number.isSafeInteger(v)) throw new InputError(`${path} = ${v} is not an exact integer (write integers beyond 2^53 as strings)`);
    n = BigInt(v);
  } else if (/^[+-]?(0x[0-9a-f]+|\d+)$/i.test(s)) {
    n = BigInt(s.replace(/^[+-]/, "")) * (s.startsWith("-") ? -1n : 1n);
  } else if (l.type === "u32" && parseIpv4(s, path) !== undefined) {
    n = parseIpv4(s, path)!;
  } else {
    throw new InputError(`${path} must be an integer`);
  }
  const { min, max } = INTS[l.type];
  if (n < min || n > max) throw new InputError(`${path} = ${n} does not fit in ${l.type} (${min}..${max})`);
  return n;
}

/** A dotted quad as a host-order number; undefined if the text is not one, an error if a part exceeds 255. */
function parseIpv4(s: string, path: string): bigint | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  const bad = parts.find((p) => p > 255);
  if (bad !== undefined) throw new InputError(`${path}: ${s} is not an IPv4 address (${bad} is more than 255)`);
  return parts.reduce((a, p) => (a << 8n) | BigInt(p), 0n);
}

/** An IPv6 address (with "::" and an optional dotted-quad tail) as its 16 bytes; undefined if the text is not one. */
function parseIpv6(s: string): number[] | undefined {
  const tail = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  let text = s;
  if (tail) {
    const v4 = parseIpv4(tail[2]!, "");
    if (v4 === undefined) return undefined;
    text = `${tail[1]}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const groups = (h: string) => (h === "" ? [] : h.split(":"));
  const head = groups(halves[0]!), rest = halves.length === 2 ? groups(halves[1]!) : [];
  const zeros = 8 - head.length - rest.length;
  if (halves.length === 1 ? zeros !== 0 : zeros < 1) return undefined;
  const all = [...head, ...Array<string>(halves.length === 2 ? zeros : 0).fill("0"), ...rest];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  return all.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]);
}

function parsePrefix(family: 4 | 6, s: string, path: string): Value {
  const m = /^\s*([^/\s]+)\/(\d+)\s*$/.exec(s);
  if (!m) throw new InputError(`${path} must be address/length`);
  const max = family === 4 ? 32 : 128;
  const prefixLen = BigInt(m[2]!);
  if (prefixLen > BigInt(max)) throw new InputError(`${path}: the prefix length ${prefixLen} is more than ${max}`);
  if (family === 4) {
    const addr = parseIpv4(m[1]!, path);
    if (addr === undefined) throw new InputError(`${path}: ${m[1]} is not an IPv4 address`);
    return { prefixLen, addr };
  }
  const bytes = parseIpv6(m[1]!);
  if (!bytes) throw new InputError(`${path}: ${m[1]} is not an IPv6 address`);
  return { prefixLen, addr: bytes.map(BigInt) };
}

function formOf(l: Layout): string {
  const family = prefixFamily(l);
  if (family) return `an IPv${family} prefix address/length (length 0..${family === 4 ? 32 : 128})`;
  if (l.kind === "int") return `${l.type.startsWith("i") ? "an" : "a"} ${l.type} in decimal or 0x hex (${INTS[l.type].min}..${INTS[l.type].max})${l.type === "u32" ? " or a dotted quad" : ""}`;
  if (l.kind === "bool") return "true or false";
  if (l.kind === "array") return `a JSON array of ${l.length} values`;
  return `a JSON object with ${l.fields.map((f) => `${f.name} (${f.layout.kind === "int" ? f.layout.type : f.layout.kind})`).join(", ")}`;
}

function exampleOf(l: Layout): string {
  const sample = (x: Layout): Value => {
    const family = prefixFamily(x);
    if (family) return family === 4 ? { prefixLen: 8n, addr: 0x0a000000n } : { prefixLen: 32n, addr: [0x20n, 0x01n, 0x0dn, 0xb8n, ...Array<bigint>(12).fill(0n)] };
    if (x.kind === "int") return INTS[x.type].signed ? -1n : 1n;
    if (x.kind === "bool") return true;
    if (x.kind === "array") return Array.from({ length: x.length }, () => sample(x.element));
    return Object.fromEntries(x.fields.map((f) => [f.name, sample(f.layout)]));
  };
  const json = toJson(l, sample(l));
  return typeof json === "string" ? json : JSON.stringify(json);
}

/** For people: integers in decimal, prefixes as CIDR ("10.0.0.0/8", "2001:db8::/32"), structs as { field: v, ... }, arrays on one line. */
export function formatMapValue(layout: Layout, value: Value): string {
  const family = prefixFamily(layout);
  if (family) return formatPrefix(family, value);
  switch (layout.kind) {
    case "int":
    case "bool":
      return String(value);
    case "array":
      return `[${(value as Value[]).map((v) => formatMapValue(layout.element, v)).join(", ")}]`;
    case "struct":
      return `{ ${layout.fields.map((f) => `${f.name}: ${formatMapValue(f.layout, (value as Record<string, Value>)[f.name]!)}`).join(", ")} }`;
  }
}

function formatPrefix(family: 4 | 6, value: Value): string {
  const { prefixLen, addr } = value as { prefixLen: bigint; addr: Value };
  if (family === 4) return `${[24n, 16n, 8n, 0n].map((s) => ((addr as bigint) >> s) & 0xffn).join(".")}/${prefixLen}`;
  const b = (addr as bigint[]).map(Number);
  const g = Array.from({ length: 8 }, (_, i) => (b[2 * i]! << 8) | b[2 * i + 1]!);
  let at = -1, run = 1; // RFC 5952: the longest run of two or more zero groups becomes "::"
  for (let i = 0, j = 0; i < 8; i = Math.max(j, i + 1)) {
    for (j = i; j < 8 && g[j] === 0; j++);
    if (j - i > run) [at, run] = [i, j - i];
  }
  const hex = (a: number[]) => a.map((n) => n.toString(16)).join(":");
  return `${at < 0 ? hex(g) : `${hex(g.slice(0, at))}::${hex(g.slice(at + run))}`}/${prefixLen}`;
}

/**
 * For programs (--json): integers of up to 32 bits as JSON numbers, 64-bit integers always as decimal strings (so a field's
 * JSON type never depends on its value, and no value loses precision), prefixes as CIDR strings. parseMapInput reads it back.
 */
export function toJson(layout: Layout, value: Value): unknown {
  if (prefixFamily(layout)) return formatMapValue(layout, value);
  switch (layout.kind) {
    case "int":
      return layout.size <= 4 ? Number(value) : String(value);
    case "bool":
      return value;
    case "array":
      return (value as Value[]).map((v) => toJson(layout.element, v));
    case "struct":
      return Object.fromEntries(layout.fields.map((f) => [f.name, toJson(f.layout, (value as Record<string, Value>)[f.name]!)]));
  }
}
