// Dumps, updates and deletes entries of a pinned map with bpftool, keys and values encoded and decoded through the manifest.
import { execa } from "execa";
import type { ManifestMap } from "../manifest/manifest.js";
import { mapKind } from "../maps/kinds.js";
import { bpftoolBytes, bpftoolHex } from "./tools.js";
import { decode, encode, type Value } from "../object/codec.js";
import type { Layout } from "../types/layout.js";
import { formatMapValue, MapAccessError, parseMapInput, toJson } from "./map-text.js";

export { formatMapValue, MapAccessError, parseMapInput, toJson } from "./map-text.js";

/** Runs a command and reports as execa does with reject: false (the default); tests pass one that runs inside a private mount namespace. */
export type Exec = (cmd: string, args: string[]) => PromiseLike<{ stdout?: unknown; stderr?: unknown; failed: boolean; shortMessage?: string }>;

/** One entry of a map. Per-CPU maps: `value` is the sum over CPUs (field by field; booleans: any true), `perCpu` each possible CPU's value. */
export interface DumpEntry { key: Value | null; value: Value; perCpu?: Value[] }

const runTool: Exec = (cmd, args) => execa(cmd, args, { reject: false });
/** Kinds whose keys are indexes 0..maxEntries-1 (compiler/maps/kinds.ts). */
const indexed = (map: ManifestMap) => mapKind(map.kind)?.key === "index";
/** Arrays of the probe's own values, whose entries always exist: the kernel refuses to delete them. */
const undeletable = (map: ManifestMap) => indexed(map) && mapKind(map.kind)?.value === "generic";

interface BpftoolEntry { key: string[]; value?: string[] | { error?: string }; values?: { cpu: number; value: string[] | { error?: string } }[] }

/**
 * Every entry, decoded (`bpftool -j map dump pinned PATH`). Arrays give all maxEntries entries; empty DevMap and ProgArray
 * slots are left out (ProgArray values are program ids, DevMap values ifindexes). A ring buffer or an XskMap cannot be dumped.
 */
export async function dumpMap(map: ManifestMap, pinPath: string, exec: Exec = runTool): Promise<DumpEntry[]> {
  const keyLayout = keyOf(map, "dumped");
  const r = await exec("bpftool", ["-j", "map", "dump", "pinned", pinPath]);
  let json: unknown;
  try {
    json = JSON.parse(String(r.stdout ?? ""));
  } catch {
    json = undefined;
  }
  if (r.failed || !Array.isArray(json)) throw new MapAccessError(`map "${map.name}": bpftool could not dump ${pinPath}: ${complaint(r)}`);
  const entries: DumpEntry[] = [];
  for (const e of json as BpftoolEntry[]) {
    const key = decode(keyLayout, bpftoolBytes(e.key));
    const read = (v: BpftoolEntry["value"]) => {
      if (Array.isArray(v)) return decode(map.value, bpftoolBytes(v));
      const why = v?.error ?? "no value";
      if (map.kind === "XskMap") throw new MapAccessError(`map "${map.name}": an XskMap's sockets cannot be read from user space (the kernel says: ${why})`);
      throw new MapAccessError(`map "${map.name}": the kernel would not give the value of key ${formatMapValue(keyLayout, key)}: ${why}`);
    };
    if (e.values) {
      const perCpu = e.values.map((c) => read(c.value));
      entries.push({ key, value: sum(map.value, perCpu), perCpu });
    } else if (!Array.isArray(e.value) && /No such file or directory/.test(e.value?.error ?? "")) {
      continue; // an empty DevMap or ProgArray slot
    } else {
      entries.push({ key, value: read(e.value) });
    }
  }
  return entries;
}

/**
 * Sets one entry (`bpftool map update pinned PATH key hex .. value hex ..`). Per-CPU maps: bpftool takes one value and
 * writes it to every CPU. A ProgArray's value is a program id or a pinned program's path; an XskMap takes no value from here.
 */
export async function updateMap(map: ManifestMap, pinPath: string, keyText: string, valueText: string, exec: Exec = runTool): Promise<void> {
  const keyLayout = keyOf(map, "updated");
  if (map.kind === "XskMap") throw new MapAccessError(`map "${map.name}": an XskMap holds AF_XDP sockets, which only the process that opened them can insert`);
  const args = ["map", "update", "pinned", pinPath, "key", "hex", ...bpftoolHex(encode(keyLayout, parseKey(map, keyLayout, keyText)))];
  if (map.kind === "ProgArray") args.push("value", ...programRef(map, valueText));
  else args.push("value", "hex", ...bpftoolHex(encode(map.value, parse(map, map.value, valueText, "value"))));
  await bpftool(map, exec, args, "update");
}

/** Removes one entry (`bpftool map delete`); arrays cannot lose entries, and a key that is not there is an error. */
export async function deleteMap(map: ManifestMap, pinPath: string, keyText: string, exec: Exec = runTool): Promise<void> {
  const keyLayout = keyOf(map, "changed");
  if (undeletable(map)) {
    throw new MapAccessError(`map "${map.name}" is a${map.kind === "ArrayMap" ? "n" : ""} ${map.kind}: its ${map.maxEntries} entries always exist and cannot be deleted; set one to 0 with tsbpf maps update instead`);
  }
  const key = parseKey(map, keyLayout, keyText);
  const args = ["map", "delete", "pinned", pinPath, "key", "hex", ...bpftoolHex(encode(keyLayout, key))];
  await bpftool(map, exec, args, "delete", `there is no key ${formatMapValue(keyLayout, key)}`);
}

/**
 * Dump output. JSON: an array of { key, value } (per-CPU maps add perCpu, with value their sum), written by toJson: integers
 * up to 32 bits as numbers, 64-bit ones as decimal strings, prefixes as CIDR strings. Text: one `key → value` line per entry.
 */
export function formatDump(map: ManifestMap, entries: DumpEntry[], json: boolean): string {
  const key = (k: Value | null) => (k === null || !map.key ? null : json ? toJson(map.key, k) : formatMapValue(map.key, k));
  if (json) {
    return JSON.stringify(entries.map((e) => ({ key: key(e.key), value: toJson(map.value, e.value), ...(e.perCpu ? { perCpu: e.perCpu.map((v) => toJson(map.value, v)) } : {}) })), null, 2);
  }
  if (!entries.length) return `(${map.name} has no entries)`;
  return entries
    .map((e) => {
      const value = formatMapValue(map.value, e.value);
      return `${key(e.key) ?? "-"} → ${e.perCpu ? `${value} (sum; per CPU: ${e.perCpu.map((v) => formatMapValue(map.value, v)).join(", ")})` : value}`;
    })
    .join("\n");
}

function keyOf(map: ManifestMap, doing: string): Layout {
  if (map.key && map.type !== "BPF_MAP_TYPE_RINGBUF") return map.key;
  throw new MapAccessError(`map "${map.name}" is a ring buffer: it has no entries to be ${doing}; read its records with tsbpf load --follow`);
}

function parse(map: ManifestMap, layout: Layout, text: string, what: "key" | "value"): Value {
  try {
    return parseMapInput(layout, text, what);
  } catch (e) {
    if (e instanceof MapAccessError) throw new MapAccessError(`map "${map.name}": ${e.message}`);
    throw e;
  }
}

function parseKey(map: ManifestMap, layout: Layout, text: string): Value {
  const key = parse(map, layout, text, "key");
  if (indexed(map) && typeof key === "bigint" && key >= BigInt(map.maxEntries)) {
    throw new MapAccessError(`map "${map.name}": index ${key} is out of range: the ${map.kind} has ${map.maxEntries} entries (0..${map.maxEntries - 1})`);
  }
  return key;
}

/** bpftool's reference to a program for a ProgArray slot: `id N` or `pinned PATH`. */
function programRef(map: ManifestMap, text: string): string[] {
  const t = text.trim();
  if (/^\d+$/.test(t)) return ["id", t];
  if (t.startsWith("/")) return ["pinned", t];
  throw new MapAccessError(`map "${map.name}": invalid value ${JSON.stringify(text)}: a ProgArray holds programs; expected a program id (bpftool prog list) or a pinned program's path, e.g. 42 or /sys/fs/bpf/tsbpf/eth0/progs/handler`);
}

async function bpftool(map: ManifestMap, exec: Exec, args: string[], op: string, absent?: string): Promise<void> {
  const r = await exec("bpftool", args);
  if (!r.failed) return;
  const why = complaint(r);
  if (absent && new RegExp(`${op} failed: No such file or directory`).test(why)) throw new MapAccessError(`map "${map.name}": ${absent}`);
  throw new MapAccessError(`map "${map.name}": bpftool map ${op} failed: ${why}`);
}

/** The last meaningful line of bpftool's complaint (or why it could not run). */
function complaint(r: Awaited<ReturnType<Exec>>): string {
  const lines = `${String(r.stderr ?? "")}\n${String(r.stdout ?? "")}`.split("\n").map((l) => l.trim()).filter((l) => l && !/^Warning: |^If it used to work/.test(l));
  const last = lines.pop() ?? r.shortMessage ?? "it failed without a message";
  return (/^\{"error":"(.*)"\}$/.exec(last)?.[1] ?? last).replace(/^Error: /, ""); // bpftool -j reports errors as {"error":"..."}
}


function sum(l: Layout, values: Value[]): Value {
  switch (l.kind) {
    case "int":
      return values.reduce<bigint>((a, v) => a + (v as bigint), 0n);
    case "bool":
      return values.some((v) => v === true);
    case "array":
      return Array.from({ length: l.length }, (_, i) => sum(l.element, values.map((v) => (v as Value[])[i]!)));
    case "struct":
      return Object.fromEntries(l.fields.map((f) => [f.name, sum(f.layout, values.map((v) => (v as Record<string, Value>)[f.name]!))]));
  }
}
