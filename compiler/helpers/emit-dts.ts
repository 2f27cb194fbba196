// Generates runtime-types/helpers.d.ts, the helper functions probes are checked against, from the helper table.
import { HELPERS, type HelperSpec } from "./table.js";

function declaration(h: HelperSpec): string {
  const params = h.params.map((p) => `${p.name}${p.optional ? "?" : ""}: ${p.type}`).join(", ");
  const since = h.minKernel === "any" ? "" : ` (Linux ${h.minKernel})`;
  return `/** ${h.doc}${since} */\ndeclare function ${h.name}(${params}): ${h.returns};`;
}

export function emitHelpersDts(): string {
  const header = "// Helper functions: time, randomness, CPU, redirection and checksums. Generated from compiler/helpers; do not edit.";
  return [header, ...HELPERS.map(declaration)].join("\n\n") + "\n";
}
