// Writes the generated files of runtime-types/ (packet.d.ts, maps.d.ts, helpers.d.ts) from their descriptions (npm run gen).
import { writeFileSync } from "node:fs";
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

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  for (const [file, emit] of Object.entries(GENERATED_RUNTIME_TYPES)) {
    writeFileSync(join(runtimeTypesDir(), file), emit());
    console.log(`wrote runtime-types/${file}`);
  }
}
