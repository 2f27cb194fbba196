// The fixed C runtime: real headers beside this file (compiler/runtime/*.h), copied verbatim into every generated probe that needs them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../frontend/runtime-types.js";

/** The runtime's headers (a generated probe takes base, context-fields and helpers always, the others when used). */
export const RUNTIME_HEADERS = ["base.h", "context-fields.h", "helpers.h", "havoc.h", "packet.h", "raw-read.h", "checksum.h"] as const;
export type RuntimeHeader = (typeof RUNTIME_HEADERS)[number];

const cache = new Map<RuntimeHeader, string>();

/** The directory of the runtime's headers, from the source tree or an installed package alike. */
export function runtimeHeadersDir(): string {
  return join(projectRoot(), "compiler", "runtime");
}

/** A header's text, without its trailing newline (the generated file separates its parts itself). */
export function runtimeHeader(name: RuntimeHeader): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(join(runtimeHeadersDir(), name), "utf8").replace(/\n$/, "");
    cache.set(name, text);
  }
  return text;
}
