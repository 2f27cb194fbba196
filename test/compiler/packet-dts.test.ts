// runtime-types/packet.d.ts is generated from the protocol descriptions; the committed file must match the generator.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { emitPacketDts } from "../../compiler/protocols/emit-dts.js";

it("runtime-types/packet.d.ts is up to date (npm run gen)", () => {
  const committed = readFileSync(join(import.meta.dirname, "..", "..", "runtime-types", "packet.d.ts"), "utf8");
  expect(committed).toBe(emitPacketDts());
});
