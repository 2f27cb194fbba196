// tsbpf build's last stage: the kernel verifier over the staged object, when privileges allow: each program's figures, or a located rejection.
import { messages } from "../diagnostics/catalogue.js";
import { DiagnosticError } from "../diagnostics/diagnostic.js";
import type { Manifest } from "../manifest/manifest.js";
import { VERIFIER_INSN_LIMIT } from "../toolchain/verifier-limits.js";
import { whyVerifierUnavailable } from "./capabilities.js";
import { loadFailureDiagnostic } from "./load-failure.js";
import { nativeToolPath } from "./native.js";
import { verifyObject } from "./verify.js";

/** true: verify, and fail if the verifier cannot run here; "auto": verify when it can; false: do not. */
export type VerifyMode = boolean | "auto";

/** One program as the verifier accepted it. */
export interface VerifiedProgram {
  name: string;
  section: string;
  /** Its size after the kernel's translation (xlated instructions). */
  instructions: number;
  /** The instructions the verifier processed, over all paths, to accept it. */
  processed: number;
}

export type BuildVerification =
  | { verified: true; programs: VerifiedProgram[]; /** The verifier's budget of processed instructions. */ limit: number }
  | { verified: false; /** Why the verifier did not run. */ skipped: string };

const EPERM = 1;

/** Runs the verifier over every program of the object; throws a located DiagnosticError if the kernel refuses it. */
export async function verifyBuild(object: string, manifest: Manifest, probe: string, mode: true | "auto"): Promise<BuildVerification> {
  const skip = (why: string): BuildVerification => {
    if (mode === true) throw new DiagnosticError([{ ...messages.verifierUnavailable(why), severity: "error" }]);
    return { verified: false, skipped: why };
  };
  const unavailable = whyVerifierUnavailable(manifest.programs.map((p) => p.kernelType));
  if (unavailable) return skip(unavailable);
  try {
    nativeToolPath("tsbpf-verify");
  } catch (e) {
    return skip((e as Error).message);
  }
  const report = await verifyObject(object, manifest);
  const rejected = report.programs.find((p) => !p.loaded && p.log);
  if (report.ok) return { verified: true, programs: report.programs.map((p) => figures(p, manifest)), limit: VERIFIER_INSN_LIMIT };
  if (!rejected && report.failure?.errno === EPERM) return skip(`the kernel does not let this process load BPF programs (EPERM)`);
  const failure = { notes: report.failure?.notes ?? "", program: rejected?.program, log: rejected?.log, errno: report.failure?.errno };
  throw new DiagnosticError([loadFailureDiagnostic(failure, { probe, manifest })]);
}

function figures(p: { program: string; insns?: number; verified?: number }, manifest: Manifest): VerifiedProgram {
  const declared = manifest.programs.find((m) => m.symbol === p.program);
  return { name: declared?.name ?? p.program, section: declared?.section ?? p.program, instructions: p.insns ?? 0, processed: p.verified ?? 0 };
}
