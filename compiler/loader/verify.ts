// Runs the kernel verifier over a built object (tsbpf-verify loads every program, reports, unloads): nothing stays loaded.
import { execa } from "execa";
import type { Manifest } from "../manifest/manifest.js";
import { nativeToolPath } from "./native.js";

/** One program as the kernel took it: loaded with its translated size and the verifier's work, or refused with the log. */
export interface ProgramVerdict {
  program: string;
  loaded: boolean;
  /** Translated (xlated) instructions, when loaded. */
  insns?: number;
  /** Instructions the verifier processed, when loaded. */
  verified?: number;
  /** The verifier's log (level 1), when refused; empty if the kernel refused before verifying. */
  log?: string;
}

export interface VerifyReport {
  ok: boolean;
  programs: ProgramVerdict[];
  /** Why the object did not load, when it did not: errno and libbpf's notes (a map it could not create, say). */
  failure?: { errno: number; notes: string };
}

export { VERIFIER_INSN_LIMIT } from "../toolchain/verifier-limits.js";

/** Verifies every program of an object, each with the kernel type the manifest gives it. Needs CAP_BPF (root). */
export async function verifyObject(objectPath: string, manifest: Pick<Manifest, "programs">): Promise<VerifyReport> {
  const args = [objectPath, ...manifest.programs.map((p) => `${p.symbol}=${p.kernelType}`)];
  const r = await execa(nativeToolPath("tsbpf-verify"), args, { reject: false, stdin: "ignore" });
  if (r.exitCode === 2 || (r.exitCode !== 0 && !r.stdout)) throw new Error(`tsbpf-verify failed on ${objectPath}: ${String(r.stderr || r.shortMessage || "").trim()}`);
  const report: VerifyReport = { ok: r.exitCode === 0, programs: [] };
  for (const line of r.stdout.split("\n").filter(Boolean)) {
    const j = JSON.parse(line) as ProgramVerdict & { error?: number; notes?: string };
    if (j.error !== undefined) report.failure = { errno: j.error, notes: j.notes ?? "" };
    else report.programs.push(j);
  }
  return report;
}
