// Reads the kernel verifier's log: the complaint, and the TypeScript line it quotes through BTF line info.
import { existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import { messages } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { displayPath } from "../frontend/location.js";

export interface VerifierComplaint {
  /** The verifier's own words, e.g. "invalid access to packet, off=24 size=2 ...". */
  message: string;
  /** The last source line the log quotes before the rejected instruction. */
  source?: { file: string; line: number; text: string };
}

const INSN = /^\d+: \(/;
const SOURCE = /^; (.*) @ (\S+):(\d+)$/;

export function parseVerifierLog(log: string): VerifierComplaint {
  const begin = log.indexOf("BEGIN PROG LOAD LOG");
  const end = log.indexOf("END PROG LOAD LOG");
  const body = begin >= 0 ? log.slice(log.indexOf("\n", begin) + 1, end >= 0 ? end : undefined) : log;
  const lines = body.split("\n").map((l) => l.trimEnd());
  const lastInsn = lines.reduce((found, l, i) => (INSN.test(l) ? i : found), -1);
  const tail = lines.slice(lastInsn + 1).filter((l) => l && !l.startsWith(";") && !/^processed \d+ insns/.test(l) && !l.startsWith("--"));
  let source: VerifierComplaint["source"];
  for (let i = lastInsn; i >= 0; i--) {
    const m = SOURCE.exec(lines[i]!);
    if (m && Number(m[3]) > 0) {
      source = { file: m[2]!, line: Number(m[3]), text: m[1]!.trim() };
      break;
    }
  }
  return { message: tail.join(" ").trim() || "the program was rejected", source };
}

/** A diagnostic at the TypeScript line the verifier quotes (probePath is the probe the object was built from). */
export function verifierDiagnostic(program: string, log: string, probePath: string): Diagnostic {
  const complaint = parseVerifierLog(log);
  const diagnostic: Diagnostic = { ...messages.verifierRejected(program, complaint.message), severity: "error" };
  const src = complaint.source;
  if (!src) return diagnostic;
  const inProbe = basename(src.file) === basename(probePath) && existsSync(probePath);
  const lineText = inProbe ? readFileSync(probePath, "utf8").split("\n")[src.line - 1] : src.text;
  const column = lineText ? lineText.search(/\S/) + 1 : 1;
  return {
    ...diagnostic,
    location: { file: inProbe ? displayPath(probePath) : src.file, line: src.line, column: Math.max(1, column), length: lineText ? lineText.trim().length : 1, lineText },
  };
}
