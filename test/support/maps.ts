// Reads a loaded probe's maps and writes entries, encoded and decoded through the probe's manifest.
import { decode, encode, type Value } from "../../compiler/object/codec.js";
import type { Manifest, ManifestMap } from "../../compiler/manifest/manifest.js";
import type { LoadedObject } from "./kernel.js";

export interface MapEntry { key: Value | null; value: Value; perCpu?: Value[] }

export function manifestMap(manifest: Manifest, name: string): ManifestMap {
  const map = manifest.maps.find((m) => m.name === name);
  if (!map) throw new Error(`the manifest has no map "${name}"`);
  return map;
}

/** Every entry of a map, keys and values decoded; per-CPU maps also give every CPU's value. */
export async function readMap(obj: LoadedObject, manifest: Manifest, name: string): Promise<MapEntry[]> {
  const map = manifestMap(manifest, name);
  const raw = await obj.mapDump(name);
  return raw.map((e) => ({
    key: map.key ? decode(map.key, e.key) : null,
    value: decode(map.value, e.value),
    perCpu: e.perCpu?.map((v) => decode(map.value, v)),
  }));
}

export async function writeMap(obj: LoadedObject, manifest: Manifest, name: string, key: Value, value: Value): Promise<void> {
  const map = manifestMap(manifest, name);
  if (!map.key) throw new Error(`map "${name}" has no keys`);
  await obj.mapUpdate(name, encode(map.key, key), encode(map.value, value));
}
