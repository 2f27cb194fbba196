// Parses `--set name=value` against the manifest's config() constants and patches them into a copy of the object.
import { messages } from "../diagnostics/catalogue.js";
import type { Manifest } from "../manifest/manifest.js";
import { patchConfig } from "../object/config-patch.js";
import { fail } from "./tools.js";

/** `port=22`, `cfg.port=0x16`, `strict=true`: grouped by config object, values as bigints. */
export function parseSets(manifest: Manifest, sets: string[]): Map<string, Record<string, bigint>> {
  const out = new Map<string, Record<string, bigint>>();
  for (const s of sets) {
    const m = /^([A-Za-z_]\w*)(?:\.([A-Za-z_]\w*))?=(.+)$/.exec(s);
    if (!m) fail(messages.badSet(`'${s}' is not name=value`));
    const [cfgName, fieldName] = m[2] ? [m[1]!, m[2]] : [undefined, m[1]!];
    const candidates = manifest.config.filter((c) => (!cfgName || c.name === cfgName) && c.fields.some((f) => f.name === fieldName));
    if (candidates.length === 0) {
      const known = manifest.config.flatMap((c) => c.fields.map((f) => `${c.name}.${f.name}`)).join(", ") || "none";
      fail(messages.badSet(`'${m[2] ? `${cfgName}.${fieldName}` : fieldName}' is not a config constant of this object (it has: ${known})`));
    }
    if (candidates.length > 1) fail(messages.badSet(`'${fieldName}' is in several config objects; write ${candidates.map((c) => `${c.name}.${fieldName}`).join(" or ")}`));
    const cfg = candidates[0]!;
    const field = cfg.fields.find((f) => f.name === fieldName)!;
    const value = parseValue(m[3]!, field.type);
    if (value === undefined) fail(messages.badSet(`'${m[3]}' is not a ${field.type} for ${cfg.name}.${fieldName}`));
    const bits = BigInt(field.size * 8);
    const [lo, hi] = field.signed ? [-(1n << (bits - 1n)), (1n << (bits - 1n)) - 1n] : [0n, (1n << bits) - 1n];
    if (value < lo || value > hi) fail(messages.badSet(`${value} does not fit ${cfg.name}.${fieldName}, a ${field.type} (${lo} to ${hi})`));
    out.set(cfg.name, { ...(out.get(cfg.name) ?? {}), [fieldName]: value });
  }
  return out;
}

function parseValue(text: string, type: string): bigint | undefined {
  if (type === "bool") return text === "true" ? 1n : text === "false" ? 0n : undefined;
  if (!/^-?(0x[0-9a-fA-F]+|\d+)$/.test(text)) return undefined;
  return text.startsWith("-") ? -BigInt(text.slice(1)) : BigInt(text);
}

/** The object with every --set applied (a copy; the input is unchanged). */
export function applySets(object: Uint8Array, manifest: Manifest, sets: Map<string, Record<string, bigint>>): Uint8Array {
  let out = object;
  for (const [name, values] of sets) out = patchConfig(out, manifest.config.find((c) => c.name === name)!, values);
  return out;
}
