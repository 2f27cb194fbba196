// Generates runtime-types/contexts.d.ts: each program kind's verdict enum and the kernel context struct `ctx.raw` shows.
import { PROGRAM_KINDS } from "./kinds.js";
import { RAW_VIEWS, rawViewDts } from "./raw-contexts.js";

export function emitContextsDts(): string {
  const header = "// Program verdicts and raw kernel contexts. Generated from compiler/programs; do not edit.";
  const enums = PROGRAM_KINDS.map((k) => {
    const members = Object.entries(k.actions).map(([name, a]) => `${name} = ${a.value}`).join(", ");
    return `/** Verdicts of ${k.decorator} programs (${k.actionC}). */\ndeclare const enum ${k.action} { ${members} }`;
  });
  const fields = PROGRAM_KINDS.map((k) => {
    const lines = k.fields.map((f) => `  /** ${f.doc} */\n  ${f.writable ? "" : "readonly "}${f.name}: ${f.type};`);
    return `/** The fields every ${k.context} has, from the kernel's ${k.ctxC}. */\ninterface ${k.context}Fields {\n${lines.join("\n")}\n}`;
  });
  return [header, ...enums, ...fields, ...RAW_VIEWS.map(rawViewDts)].join("\n\n") + "\n";
}
