// tsbpf maps dump, update and delete: the command-line side of compiler/loader/map-access.ts.
import type { Command } from "commander";
import { messages } from "../diagnostics/catalogue.js";
import { DiagnosticError } from "../diagnostics/diagnostic.js";
import { deleteMap, dumpMap, formatDump, MapAccessError, updateMap, type Exec } from "../loader/map-access.js";
import type { ManifestMap } from "../manifest/manifest.js";

/** Finds a loaded probe's map: its manifest entry and where it is pinned (iface: which attachment, when there are several). */
export type ResolveMap = (mapName: string, iface?: string) => Promise<{ map: ManifestMap; pinPath: string }>;

interface MapFlags { iface?: string; json?: boolean }

/** Adds `maps dump|update|delete`; `exec` runs bpftool (tests run it inside a private mount namespace). */
export function registerMapsCommand(cmd: Command, resolve: ResolveMap, exec?: Exec): void {
  const maps = cmd.command("maps").description("read and change the maps of a loaded probe; keys and values are written as the manifest lays them out");
  const iface = "the interface whose probe holds the map (needed when several are loaded)";
  const keyHelp = "the key: an integer (decimal or 0x hex), a prefix (10.0.0.0/8, 2001:db8::/32) or a JSON object for a struct";
  maps
    .command("dump")
    .description("print every entry of a map (per-CPU maps: the sum and each CPU's value)")
    .argument("<map>", "the map's name (its variable in the probe)")
    .option("-i, --iface <name>", iface)
    .option("--json", "machine-readable output: [{ key, value }], 64-bit integers as strings, prefixes as CIDR strings")
    .action(async (name: string, flags: MapFlags) => {
      const { map, pinPath } = await resolve(name, flags.iface);
      const entries = await reported(dumpMap(map, pinPath, exec));
      console.log(formatDump(map, entries, flags.json === true));
    });
  maps
    .command("update")
    .description("set one entry (per-CPU maps: the value goes to every CPU)")
    .argument("<map>", "the map's name")
    .argument("<key>", keyHelp)
    .argument("<value>", "the value, in the same forms as the key")
    .option("-i, --iface <name>", iface)
    .action(async (name: string, key: string, value: string, flags: MapFlags) => {
      const { map, pinPath } = await resolve(name, flags.iface);
      await reported(updateMap(map, pinPath, key, value, exec));
      console.log(`${name}: ${key} set to ${value}`);
    });
  maps
    .command("delete")
    .description("remove one entry (not from an ArrayMap or PerCpuArray, whose entries always exist)")
    .argument("<map>", "the map's name")
    .argument("<key>", keyHelp)
    .option("-i, --iface <name>", iface)
    .action(async (name: string, key: string, flags: MapFlags) => {
      const { map, pinPath } = await resolve(name, flags.iface);
      await reported(deleteMap(map, pinPath, key, exec));
      console.log(`${name}: ${key} deleted`);
    });
}

/** The map operation's own complaints as TSBPF9006 diagnostics; anything else (an internal error) passes through. */
async function reported<T>(operation: Promise<T>): Promise<T> {
  try {
    return await operation;
  } catch (e) {
    if (e instanceof MapAccessError) throw new DiagnosticError([{ ...messages.mapInput(e.message), severity: "error" }]);
    throw e;
  }
}
