// What a fuzzing run prints: a progress line, then counts per outcome and failure class, timings and the shrunk reproducers.
import type { FuzzReport, ProgramResult, ShrunkFailure } from "./runner.js";

const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)}%` : "-");
const seconds = (ms: number) => (ms >= 60_000 ? `${Math.floor(ms / 60_000)}m${Math.round((ms % 60_000) / 1000)}s` : `${(ms / 1000).toFixed(1)}s`);

export function progressLine(results: ProgramResult[], done: number, total: number, elapsedMs: number): string {
  const by = (s: string) => results.filter((r) => r.outcome.status === s).length;
  const rate = done / Math.max(0.001, elapsedMs / 1000);
  return `${String(done).padStart(String(total).length)}/${total}  passed ${by("passed")}  rejected ${by("rejected")}  failed ${by("failed")}  (${rate.toFixed(2)} programs/s)`;
}

/** How to run one program of a run again. */
export function reproduceCommand(seed: number, index: number, size: string): string {
  return `make fuzz SEED=${seed} ONLY=${index}${size === "mixed" ? "" : ` SIZE=${size}`}`;
}

export function summary(report: FuzzReport): string {
  const { results, options } = report;
  const n = results.length;
  const count = (s: string) => results.filter((r) => r.outcome.status === s).length;
  const [passed, rejected, failed] = [count("passed"), count("rejected"), count("failed")];
  const out: string[] = [];
  out.push(`tsbpf fuzz summary: seed ${options.seed}, ${n} programs (${options.size}), ${options.jobs} jobs${options.verify ? "" : ", verifier not run"}`);
  out.push(`  passed   ${passed} (${pct(passed, n)})`);
  out.push(`  rejected ${rejected} (${pct(rejected, n)}; the generator's own mistakes, each with located diagnostics)`);
  out.push(`  failed   ${failed} (${pct(failed, n)} of all, ${pct(failed, passed + failed)} of those check accepted)`);
  out.push(`  check accepted ${pct(passed + failed, n)} of the generated programs`);
  const classes = new Map<string, number>();
  for (const r of results) for (const cls of new Set(r.outcome.failures.map((f) => f.cls))) classes.set(cls, (classes.get(cls) ?? 0) + 1);
  if (classes.size) {
    out.push("failure classes (programs showing each):");
    for (const [cls, c] of [...classes].sort((a, b) => b[1] - a[1])) out.push(`  ${String(c).padStart(5)}  ${cls}`);
  }
  out.push("by size:");
  for (const size of ["small", "medium", "large"]) {
    const of = results.filter((r) => r.size === size);
    if (of.length === 0) continue;
    const f = of.filter((r) => r.outcome.status === "failed").length;
    const lines = Math.round(of.reduce((s, r) => s + r.lines, 0) / of.length);
    out.push(`  ${size.padEnd(6)} ${String(of.length).padStart(5)} programs, ~${lines} lines, failed ${pct(f, of.length)}`);
  }
  const avg = (k: "check" | "build" | "verify") => Math.round(results.reduce((s, r) => s + r.outcome.times[k], 0) / Math.max(1, n));
  out.push(`time: ${seconds(report.runMs)} for the programs, ${(n / (report.runMs / 1000)).toFixed(2)} programs/s, ${(report.runMs / Math.max(1, n) / 1000).toFixed(2)} s per program; ${seconds(report.shrinkMs)} shrinking`);
  out.push(`  per program on average: check ${avg("check")} ms, build ${avg("build")} ms, verify ${avg("verify")} ms (stages of concurrent jobs overlap)`);
  if (failed) {
    out.push("failed programs:");
    for (const r of results.filter((x) => x.outcome.status === "failed")) out.push(`  ${failedProgramLine(r)}`);
  }
  for (const s of report.shrunk) out.push("", ...shrunkText(s, options.size));
  return out.join("\n");
}

/** One failed program: its index, size and lines, and its failure classes. */
export function failedProgramLine(r: ProgramResult): string {
  return `program ${r.index} (${r.size}, ${r.lines} lines): ${[...new Set(r.outcome.failures.map((f) => f.cls))].join("; ")}`;
}

export function shrunkText(s: ShrunkFailure, size: string): string[] {
  return [
    `== ${s.cls}`,
    `   seed ${s.seed}, program ${s.index} (${s.size}): ${s.originalLines} lines shrunk to ${s.text.split("\n").length - 1} in ${s.tries} tries${s.exhausted ? " (budget ran out)" : ""}`,
    `   reproduce: ${reproduceCommand(s.seed, s.index, size)}`,
    ...(s.detail ?? s.message).split("\n").map((l) => `   | ${l}`),
    ...s.text.trimEnd().split("\n").map((l) => `   ${l}`),
  ];
}
