// Locates the ambient declarations in runtime-types/ that every probe is checked against.
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

/** The project's root: the first directory above this module holding runtime-types/ (works from source and from dist/). */
export function projectRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "runtime-types", "ints.d.ts"))) return (cached = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error("runtime-types/ not found next to the compiler");
    dir = parent;
  }
}

/** The runtime-types directory. */
export function runtimeTypesDir(): string {
  return join(projectRoot(), "runtime-types");
}

export function runtimeTypeFiles(): string[] {
  const dir = runtimeTypesDir();
  return readdirSync(dir)
    .filter((f) => f.endsWith(".d.ts"))
    .sort()
    .map((f) => join(dir, f));
}
