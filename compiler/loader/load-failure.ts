// What the kernel and libbpf said about an object that did not load, as one diagnostic: a map too large, a verifier rejection at its line, or the refusal.
import { getSystemErrorName } from "node:util";
import { messages } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Manifest } from "../manifest/manifest.js";
import { fileLineLocation } from "../frontend/location.js";
import { verifierDiagnostic } from "../toolchain/verifier-log.js";
import { lastLine } from "./tools.js";

export interface LoadFailure {
  /** What libbpf printed (or all of bpftool's output): a map it could not create shows here. */
  notes: string;
  /** The program the kernel refused, once it got as far as the programs. */
  program?: string;
  /** That program's verifier log; empty when the kernel refused it before verifying. */
  log?: string;
  /** The error the load ended with (positive), when known. */
  errno?: number;
}

/** Where the object came from, to locate what went wrong: the probe (.ts) when known, and the object's manifest. */
export interface ObjectSource {
  probe?: string;
  manifest: Pick<Manifest, "programs" | "maps">;
}

const MAP_FAILED = /map '([^']+)': failed to create: (.*?)\(-?(\d+)\)/;
const PROG_FAILED = /prog '([^']+)': BPF program load failed: /;
const PROG_ERRNO = /prog '[^']+': failed to load: -(\d+)/;
/** The errors a map creation ends with when the map is too large: ENOMEM, E2BIG. */
const TOO_LARGE = new Set([12, 7]);

/** bpftool's (libbpf's) output for a failed `prog load`/`loadall`, read as a LoadFailure. */
export function failureFromToolOutput(output: string): LoadFailure {
  const errno = PROG_ERRNO.exec(output)?.[1];
  return { notes: output, program: PROG_FAILED.exec(output)?.[1], log: output, errno: errno ? Number(errno) : undefined };
}

export function loadFailureDiagnostic(failure: LoadFailure, source: ObjectSource): Diagnostic {
  const map = MAP_FAILED.exec(failure.notes);
  if (map) return mapDiagnostic(map[1]!, map[2]!.trim(), Number(map[3]), source);
  if (failure.program) {
    const line = source.manifest.programs.find((p) => p.symbol === failure.program || p.name === failure.program)?.line;
    return verifierDiagnostic({ name: failure.program, probe: source.probe, line }, failure.log ?? "", failure.errno);
  }
  // the last lines say only that the object failed ("Error: failed to load object file"); the one before says why
  const last = lastLine(failure.notes.replace(/^(Error: failed to load object file|libbpf: failed to load object .*)$/gm, "")).replace(/^libbpf: /, "");
  return { ...messages.loadFailed(last || `the load failed${failure.errno ? ` (${getSystemErrorName(-failure.errno)})` : ""}`), severity: "error" };
}

/** A map the kernel could not create: too large (one sentence, at its declaration), or refused for another reason. */
function mapDiagnostic(name: string, reason: string, errno: number, source: ObjectSource): Diagnostic {
  const declared = source.manifest.maps.find((m) => m.name === name);
  if (!TOO_LARGE.has(errno) || !declared) return { ...messages.loadFailed(`could not create map '${name}': ${reason}`), severity: "error" };
  const what = `a ${declared.kind} of ${declared.maxEntries.toLocaleString("en-US")} ${declared.kind === "RingBuf" ? "bytes" : "entries"}`;
  const diagnostic: Diagnostic = { ...messages.mapTooLarge(name, what, `${getSystemErrorName(-errno)}: ${reason}`), severity: "error" };
  const location = source.probe ? fileLineLocation(source.probe, declared.line) : undefined;
  return location ? { ...diagnostic, location } : diagnostic;
}
