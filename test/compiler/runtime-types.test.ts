// The generated files of runtime-types/ must match their generators (regenerate with npm run build && npm run gen).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { GENERATED_RUNTIME_TYPES, PACKET_API_DOC } from "../../compiler/frontend/generate-runtime-types.js";
import { withReference } from "../../compiler/protocols/emit-docs.js";

for (const [file, emit] of Object.entries(GENERATED_RUNTIME_TYPES)) {
  it(`runtime-types/${file} is up to date (npm run gen)`, () => {
    const committed = readFileSync(join(import.meta.dirname, "..", "..", "runtime-types", file), "utf8");
    expect(committed).toBe(emit());
  });
}

it("docs/packet-api.md's reference is up to date (npm run gen)", () => {
  const doc = readFileSync(PACKET_API_DOC, "utf8");
  expect(doc).toBe(withReference(doc));
});
