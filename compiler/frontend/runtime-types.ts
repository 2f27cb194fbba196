// Locates the ambient declarations in runtime-types/ that every probe is checked against.
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

/** The runtime-types directory, found by walking up from this module (works from source and from dist/). */
export function runtimeTypesDir(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "runtime-types");
    if (existsSync(join(candidate, "ints.d.ts"))) return (cached = candidate);
    const parent = dirname(dir);
    if (parent === dir) throw new Error("runtime-types/ not found next to the compiler");
    dir = parent;
  }
}

export function runtimeTypeFiles(): string[] {
  const dir = runtimeTypesDir();
  return readdirSync(dir)
    .filter((f) => f.endsWith(".d.ts"))
    .sort()
    .map((f) => join(dir, f));
}
