// One probe through the property: `check` accepts it, or rejects it with located diagnostics; then clang builds it without
// error or warning; then the kernel verifier accepts every program of the object.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build, checkFile } from "../../../compiler/build.js";
import { DiagnosticError, type Diagnostic } from "../../../compiler/diagnostics/diagnostic.js";
import type { ProbeSession } from "../../../compiler/frontend/project.js";
import { verifyObject } from "../../../compiler/loader/verify.js";
import { clangErrorClass, clangWarningClasses, internalClass, objectClass, verifierFailure } from "./classify.js";

export interface Failure {
  /** The class failures are counted and shrunk by. */
  cls: string;
  /** The message it was classified from (one line for the verifier; clang's and libbpf's words otherwise). */
  message: string;
  /** More context: the end of the verifier's log. */
  detail?: string;
  program?: string;
}

export interface Outcome {
  /** passed: checked, built and verified; rejected: `check` refused it with located diagnostics; failed: the property broke. */
  status: "passed" | "rejected" | "failed";
  failures: Failure[];
  /** The checker's diagnostics, when rejected. */
  diagnostics?: Diagnostic[];
  /** Milliseconds per stage. */
  times: { check: number; build: number; verify: number };
  /** Per program: translated and verifier-processed instructions, when verified. */
  programs?: { program: string; insns?: number; verified?: number }[];
}

export interface PipelineOptions {
  /** Where probes and objects are written (removed afterwards). */
  workDir: string;
  session: ProbeSession;
  /** Run the kernel verifier (needs root). */
  verify: boolean;
  /** Stop after this stage: a shrinker hunting a clang failure needs no verifier. */
  until?: "check" | "build" | "verify";
}

export async function runPipeline(text: string, stem: string, options: PipelineOptions): Promise<Outcome> {
  const dir = join(options.workDir, stem);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "probe.ts");
  writeFileSync(file, text);
  const times = { check: 0, build: 0, verify: 0 };
  const failed = (failures: Failure[]): Outcome => ({ status: "failed", failures, times });
  try {
    let t = performance.now();
    try {
      checkFile(file, options.session);
    } catch (e) {
      if (!(e instanceof DiagnosticError)) return failed([{ ...internalClass("check", e) }]);
      const errors = e.diagnostics.filter((d) => d.severity === "error");
      const unlocated = errors.filter((d) => !d.location || !/^(?:TS|TSBPF)\d+$/.test(d.code));
      if (unlocated.length) return failed(unlocated.map((d) => ({ cls: `checker diagnostic without location: ${d.code}`, message: `${d.code}: ${d.message}` })));
      return { status: "rejected", failures: [], diagnostics: errors, times };
    } finally {
      times.check = performance.now() - t;
    }
    if (options.until === "check") return { status: "passed", failures: [], times };
    t = performance.now();
    let built;
    try {
      built = await build(file, { outDir: join(dir, "build"), session: options.session });
    } catch (e) {
      if (e instanceof DiagnosticError && e.diagnostics.some((d) => d.code === "TSBPF3002")) return failed([clangErrorClass(e.diagnostics.find((d) => d.code === "TSBPF3002")!.message)]);
      if (e instanceof DiagnosticError) return failed(e.diagnostics.map((d) => ({ cls: `build diagnostic after check: ${d.code}`, message: `${d.code}: ${d.message}` })));
      return failed([internalClass("build", e)]);
    } finally {
      times.build = performance.now() - t;
    }
    const failures: Failure[] = clangWarningClasses(built.clangWarnings);
    if (options.until === "build" || !options.verify) return failures.length ? failed(failures) : { status: "passed", failures, times };
    t = performance.now();
    try {
      const report = await verifyObject(built.objectFile, built.manifest);
      for (const p of report.programs) if (!p.loaded && p.log) failures.push({ ...verifierFailure(p.log), detail: lastLines(p.log), program: p.program });
      if (!report.ok && failures.length === 0 && report.failure) failures.push(objectClass(report.failure.notes, report.failure.errno));
      const programs = report.programs.map((p) => ({ program: p.program, insns: p.insns, verified: p.verified }));
      return failures.length ? { ...failed(failures), programs } : { status: "passed", failures, times, programs };
    } catch (e) {
      return failed([...failures, internalClass("verify", e)]);
    } finally {
      times.verify = performance.now() - t;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The end of a verifier log: where it gave up, and why. */
function lastLines(log: string): string {
  return log.trimEnd().split("\n").slice(-6).join("\n");
}
