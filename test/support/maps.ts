// Reads a loaded probe's maps and writes entries, encoded and decoded through the probe's manifest.
import { decodeEntry, encode, type Value } from "../../compiler/object/codec.js";
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
  return (await obj.mapDump(name)).map((e) => decodeEntry(map.key, map.value, e));
}

export async function writeMap(obj: LoadedObject, manifest: Manifest, name: string, key: Value, value: Value): Promise<void> {
  const map = manifestMap(manifest, name);
  if (!map.key) throw new Error(`map "${name}" has no keys`);
  await obj.mapUpdate(name, encode(map.key, key), encode(map.value, value));
}
