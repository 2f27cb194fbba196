// Generates runtime-types/helpers.d.ts, the helper functions probes are checked against, from the helper table.
import { kindByDecorator, PROGRAM_KINDS } from "../programs/kinds.js";
import { HELPERS, type HelperSpec } from "./table.js";

/** A helper returning the caller's verdict is generic in it, so `return redirect(i)` types in @xdp and @tc alike. */
function declaration(h: HelperSpec): string {
  const params = h.params.map((p) => `${p.name}${p.optional ? "?" : ""}: ${p.type}`).join(", ");
  const since = h.minKernel === "any" ? "" : ` (Linux ${h.minKernel})`;
  const verdicts = (h.kinds?.map((d) => kindByDecorator(d)!) ?? PROGRAM_KINDS).map((k) => k.action);
  const generic = h.returns === "Verdict" ? `<Verdict extends ${verdicts.join(" | ")} = ${verdicts[0]}>` : "";
  return `/** ${h.doc}${since} */\ndeclare function ${h.name}${generic}(${params}): ${h.returns};`;
}

export function emitHelpersDts(): string {
  const header = "// Helper functions: time, randomness, CPU, redirection and checksums. Generated from compiler/helpers; do not edit.";
  return [header, ...HELPERS.map(declaration)].join("\n\n") + "\n";
}
