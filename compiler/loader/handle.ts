// The Node API's loaded probe: what load() returns, with its maps readable and writable and a detach().
import type { Value } from "../object/codec.js";
import { load, type LoadOptions } from "./load.js";
import { deleteMap, dumpMap, toJson, type DumpEntry } from "./map-access.js";
import { updateMap } from "./map-access.js";
import { mapPin, type Attachment } from "./state.js";
import { unload } from "./unload.js";

export interface ProbeMap {
  /** Every entry, decoded through the manifest (per-CPU maps: the sum, and each CPU's value). */
  entries(): Promise<DumpEntry[]>;
  /** Keys and values as decoded values, or as text in the command line's syntax ("10.0.0.0/8", JSON structs). */
  set(key: Value | string, value: Value | string): Promise<void>;
  delete(key: Value | string): Promise<void>;
}

export interface LoadedProbe {
  readonly attachment: Attachment;
  map(name: string): ProbeMap;
  /** Detaches the program and removes its pins (like tsbpf unload). */
  detach(): Promise<void>;
}

/** Loads and attaches a probe as `tsbpf load` does; the handle reads and writes its maps. */
export async function loadProbe(path: string, opts: LoadOptions): Promise<LoadedProbe> {
  const attachment = await load(path, opts);
  return handleFor(attachment);
}

export function handleFor(attachment: Attachment): LoadedProbe {
  return {
    attachment,
    map(name) {
      const map = attachment.manifest.maps.find((m) => m.name === name);
      if (!map) throw new Error(`${attachment.program} has no map '${name}'; its maps are ${attachment.manifest.maps.map((m) => m.name).join(", ") || "none"}`);
      const pin = mapPin(attachment, name);
      const text = (layout: typeof map.value, v: Value | string) => (typeof v === "string" ? v : JSON.stringify(toJson(layout, v)));
      return {
        entries: () => dumpMap(map, pin),
        set: (key, value) => updateMap(map, pin, text(map.key!, key), text(map.value, value)),
        delete: (key) => deleteMap(map, pin, text(map.key!, key)),
      };
    },
    async detach() {
      await unload(attachment.iface);
    },
  };
}
