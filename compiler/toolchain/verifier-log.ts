// Reads the kernel verifier's log: the complaint (in plain words when a limit was exceeded), and the TypeScript line it quotes through BTF line info.
import { dirname, resolve } from "node:path";
import { getSystemErrorName } from "node:util";
import { messages } from "../diagnostics/catalogue.js";
import type { Diagnostic, SourceLocation } from "../diagnostics/diagnostic.js";
import { fileLineLocation, wholeLine } from "../frontend/location.js";
import { exceededLimit, INSN_BUDGET_EXCEEDED } from "./verifier-limits.js";

export interface VerifierComplaint {
  /** The verifier's own words, e.g. "invalid access to packet, off=24 size=2 ...". */
  message: string;
  /** When the rejection is a verifier limit: a sentence naming it, e.g. "the verifier's budget of 1,000,000 ...". */
  limit?: string;
  /** The last source line the log quotes before the complaint. */
  source?: { file: string; line: number; text: string };
}

const INSN = /^\d+: \(/;
/** A quoted source line, on a line of its own or after an instruction the state of which was printed on the next line. */
const SOURCE = /^(?:\d+: \(\w\w\) .*? )?; (.*) @ (\S+):(\d+)$/;
/** Lines after the last instruction that are not the complaint: source quotes, the summary, libbpf's markers, state dumps. */
const NOT_COMPLAINT = /^(;|processed \d+ insns|--|(cur|old) state:|verification time|stack depth)/;
const E2BIG = 7;

/** The complaint in a verifier log (libbpf's BEGIN/END PROG LOAD LOG markers around it are allowed); errno is the load's, if known. */
export function parseVerifierLog(log: string, errno?: number): VerifierComplaint {
  const begin = log.indexOf("BEGIN PROG LOAD LOG");
  const end = log.indexOf("END PROG LOAD LOG");
  const body = begin >= 0 ? log.slice(log.indexOf("\n", begin) + 1, end >= 0 ? end : undefined) : log;
  const lines = body.split("\n").map((l) => l.trimEnd());
  const lastInsn = lines.reduce((found, l, i) => (INSN.test(l) ? i : found), -1);
  const complaint = lines.slice(lastInsn + 1).filter((l) => l && !NOT_COMPLAINT.test(l));
  let source: VerifierComplaint["source"];
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = SOURCE.exec(lines[i]!);
    if (m && Number(m[3]) > 0) {
      source = { file: m[2]!, line: Number(m[3]), text: m[1]!.trim() };
      break;
    }
  }
  const said = complaint.join(" ").trim();
  // E2BIG without a complaint: the instruction budget ran out and a truncated log lost the verifier's words
  const limit = exceededLimit(body) ?? (!said && errno === E2BIG ? INSN_BUDGET_EXCEEDED : undefined);
  // some complaints share the instruction's line ("72: (16) if w3 == 0x0 goto pc+1 BPF program is too large..."): then the last line says it
  const message = said || lines.filter((l) => l && !NOT_COMPLAINT.test(l)).pop() || `the program was rejected${errno ? ` (${getSystemErrorName(-errno)}, with no reason in the log)` : ""}`;
  return { message, limit, source };
}

/** Where the rejection is, for locating it: the probe the object was built from, and the program's declaration line. */
export interface RejectedProgram {
  name: string;
  /** The probe (.ts), when known; the log's file names are relative to its directory. */
  probe?: string;
  /** The program's line in the probe (the manifest's), for complaints that quote no line (a stack limit, say). */
  line?: number;
}

/** A TSBPF4001 diagnostic at the TypeScript line the verifier quotes. */
export function verifierDiagnostic(program: RejectedProgram, log: string, errno?: number): Diagnostic {
  const complaint = parseVerifierLog(log, errno);
  const diagnostic: Diagnostic = { ...messages.verifierRejected(program.name, complaint.limit ?? complaint.message), severity: "error" };
  const location = complaint.source ? quotedLocation(complaint.source, program.probe) : program.probe && program.line ? fileLineLocation(program.probe, program.line) : undefined;
  return location ? { ...diagnostic, location } : diagnostic;
}

/** The quoted line, read from the file itself when it is there (the log names it relative to the probe's directory). */
function quotedLocation(src: NonNullable<VerifierComplaint["source"]>, probe?: string): SourceLocation {
  return (probe && fileLineLocation(resolve(dirname(probe), src.file), src.line)) || wholeLine(src.file, src.line, src.text);
}
