// Writes runtime-types/packet.d.ts from the protocol descriptions (npm run gen).
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { emitPacketDts } from "./emit-dts.js";
import { runtimeTypesDir } from "../frontend/runtime-types.js";

const target = `${runtimeTypesDir()}/packet.d.ts`;
writeFileSync(target, emitPacketDts());
console.log(`wrote ${fileURLToPath(new URL(`file://${target}`))}`);
