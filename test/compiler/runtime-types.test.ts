// The generated files of runtime-types/ must match their generators (regenerate with npm run build && npm run gen).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { GENERATED_RUNTIME_TYPES } from "../../compiler/frontend/generate-runtime-types.js";

for (const [file, emit] of Object.entries(GENERATED_RUNTIME_TYPES)) {
  it(`runtime-types/${file} is up to date (npm run gen)`, () => {
    const committed = readFileSync(join(import.meta.dirname, "..", "..", "runtime-types", file), "utf8");
    expect(committed).toBe(emit());
  });
}
