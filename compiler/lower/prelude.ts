// The C every probe starts with: the runtime's base header, the contexts of its program kinds and their verdicts, and the runtime headers lowering asks for.
import { runtimeHeader } from "../runtime/headers.js";
import type { CTopLevel } from "../c/ast.js";
import { printTopLevel } from "../c/printer.js";
import { PROGRAM_KINDS, type ProgramKind } from "../programs/kinds.js";
import { RAW_CONTEXTS, rawContextC } from "../programs/raw-contexts.js";

/**
 * The fixed-width types and SEC, then the context struct of each program kind the probe declares, and the verdict enum
 * of each kind whose verdicts it uses (a tc program may hold an XdpAction).
 */
export function prelude(kinds: readonly ProgramKind[], verdicts: readonly ProgramKind[] = kinds): string {
  const used = PROGRAM_KINDS.filter((k) => kinds.includes(k));
  const contexts = RAW_CONTEXTS.filter((r) => used.some((k) => k.ctxC === `struct ${r.cTag}`));
  const enums = PROGRAM_KINDS.filter((k) => kinds.includes(k) || verdicts.includes(k)).map((k): CTopLevel => ({ k: "enum", tag: k.actionC.replace(/^enum /, ""), members: Object.values(k.actions).map((a) => [a.c, a.value]) }));
  return printTopLevel([{ k: "text", text: runtimeHeader("base.h") }, ...contexts.map(rawContextC), { k: "text", text: runtimeHeader("context-fields.h") }, ...enums]);
}

/** The runtime lowering may ask for: the arithmetic and barrier helpers always, raw reads and havoc when used. */
export function helperDefinitions(used: ReadonlySet<string>): string[] {
  return [runtimeHeader("helpers.h"), ...(used.has("rawRead") ? [runtimeHeader("raw-read.h")] : []), ...(used.has("havoc") ? [runtimeHeader("havoc.h")] : [])];
}
