// Writes the generated files (runtime-types/*.d.ts from the tables, the reference in docs/packet-api.md) from their descriptions (npm run gen).
import { readFileSync, writeFileSync } from "node:fs";
import { withReference } from "../protocols/emit-docs.js";
import { join } from "node:path";
import { emitHelpersDts } from "../helpers/emit-dts.js";
import { emitMapsDts } from "../maps/emit-dts.js";
import { emitContextsDts } from "../programs/emit-dts.js";
import { emitPacketDts } from "../protocols/emit-dts.js";
import { runtimeTypesDir } from "./runtime-types.js";

/** Each generated file of runtime-types/ and the function that produces it. */
export const GENERATED_RUNTIME_TYPES: Record<string, () => string> = {
  "packet.d.ts": emitPacketDts,
  "maps.d.ts": emitMapsDts,
  "helpers.d.ts": emitHelpersDts,
  "contexts.d.ts": emitContextsDts,
};

/** docs/packet-api.md, whose reference part is generated from the protocol descriptions. */
export const PACKET_API_DOC = join(runtimeTypesDir(), "..", "docs", "packet-api.md");

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  for (const [file, emit] of Object.entries(GENERATED_RUNTIME_TYPES)) {
    writeFileSync(join(runtimeTypesDir(), file), emit());
    console.log(`wrote runtime-types/${file}`);
  }
  writeFileSync(PACKET_API_DOC, withReference(readFileSync(PACKET_API_DOC, "utf8")));
  console.log("wrote the reference in docs/packet-api.md");
}
