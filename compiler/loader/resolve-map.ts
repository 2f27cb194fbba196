// Finds a map of what tsbpf loaded: on the interface given, or the only interface with a load; its manifest entry and pin.
import { messages } from "../diagnostics/catalogue.js";
import type { ManifestMap } from "../manifest/manifest.js";
import { listAttachments, mapPin, readAttachment } from "./state.js";
import { fail } from "./tools.js";

export async function resolveMap(mapName: string, iface?: string): Promise<{ map: ManifestMap; pinPath: string }> {
  const all = listAttachments();
  const a = iface ? readAttachment(iface) : all.length === 1 ? all[0] : undefined;
  if (!a) fail(iface || all.length === 0 ? messages.notLoaded(iface ? `on ${iface}` : "here") : messages.mapInput(`several interfaces have tsbpf programs (${all.map((x) => x.iface).join(", ")}): name one with --iface`));
  const map = a.manifest.maps.find((m) => m.name === mapName);
  if (!map) fail(messages.mapInput(`${a.program} on ${a.iface} has no map '${mapName}'; its maps are ${a.manifest.maps.map((m) => m.name).join(", ") || "none"}`));
  return { map, pinPath: mapPin(a, mapName) };
}
