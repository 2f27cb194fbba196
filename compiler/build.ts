// The pipeline: load → check → lower → print → clang → manifest → kernel verifier; each stage stops the run on error and nothing is written until all succeed.
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { printUnit } from "./c/printer.js";
import { checkProbe, type CheckedProbe } from "./check/index.js";
import { messages } from "./diagnostics/catalogue.js";
import { DiagnosticError, type Diagnostic } from "./diagnostics/diagnostic.js";
import { loadProbe, type ProbeSession } from "./frontend/project.js";
import { lowerProbe, type LowerOptions } from "./lower/program.js";
import { buildManifest, type Manifest } from "./manifest/manifest.js";
import { compileC } from "./toolchain/clang.js";
import { findSymbol, readElf } from "./object/elf.js";
import { verifyBuild, type BuildVerification, type VerifyMode } from "./loader/build-verification.js";
import { whyVerifierUnavailable } from "./loader/capabilities.js";

export type { BuildVerification, VerifiedProgram, VerifyMode } from "./loader/build-verification.js";

export interface BuildOptions extends Partial<LowerOptions> {
  outDir?: string;
  /**
   * Run the kernel verifier over the object before writing it: "auto" when privileges allow (what `tsbpf build`
   * does), true to require it, false (the default here) not to. A rejection throws a located TSBPF4001.
   */
  verify?: VerifyMode;
  /**
   * The caller loads the object into the kernel next (loadProgram, tsbpf load): the verifier decides whether a program
   * fits its budget, not check's estimate (which errs high).
   */
  kernelDecides?: boolean;
  /** Loads the probe into this long-lived session instead of a new project (tools that build many probes). */
  session?: ProbeSession;
}

export interface BuildResult {
  cFile: string;
  objectFile: string;
  manifestFile: string;
  manifest: Manifest;
  cSource: string;
  clangWarnings: string;
  /** The checker's warnings (the user's own redundancy), located at the TypeScript. */
  warnings: Diagnostic[];
  /** Each program's size and verifier work, or why the verifier did not run; absent when not asked for. */
  verification?: BuildVerification;
}

/** Type-check and subset-check only (`tsbpf check`), the estimate of the verifier's work included. */
export function checkFile(file: string, session?: ProbeSession): CheckedProbe {
  const checked = checkProbe(session ? session.load(file) : loadProbe(file));
  if (checked.overBudget.length) throw new DiagnosticError(checked.overBudget);
  return checked;
}

/**
 * The C a probe compiles to, without running clang (for tests and `--emit-c`). With `kernelDecides`, a program over
 * the estimated budget is compiled anyway: the caller runs the kernel verifier, which has the last word.
 */
export function generateC(file: string, options: Partial<LowerOptions> & Pick<BuildOptions, "session" | "kernelDecides"> = {}) {
  const checked = checkProbe(options.session ? options.session.load(file) : loadProbe(file));
  if (checked.overBudget.length && !options.kernelDecides) throw new DiagnosticError(checked.overBudget);
  const { unit, programs } = lowerProbe(checked, { sections: options.sections ?? "tsbpf", license: options.license ?? "GPL" });
  return { checked, programs, cSource: printUnit(unit) };
}

/** Whether this build will run the kernel verifier (which then decides, rather than check's estimate). */
function verifierWillRun(options: BuildOptions): boolean {
  if (options.kernelDecides || options.verify === true) return true;
  if (options.verify !== "auto") return false;
  return !whyVerifierUnavailable(["xdp", "classifier", "socket"]);
}

export async function build(file: string, options: BuildOptions = {}): Promise<BuildResult> {
  const { checked, programs, cSource } = generateC(file, { ...options, kernelDecides: verifierWillRun(options) });
  const stem = basename(checked.probe.path).replace(/\.ts$/, "");
  const outDir = resolve(options.outDir ?? "build");
  const names = { c: `${stem}.bpf.c`, o: `${stem}.bpf.o`, manifest: `${stem}.manifest.json` };
  const manifest = buildManifest(basename(checked.probe.path), names.o, options.license ?? "GPL", programs, checked.facts, dirname(checked.probe.path));
  let staging: string;
  try {
    mkdirSync(outDir, { recursive: true });
    staging = mkdtempSync(join(outDir, ".tsbpf-build-"));
  } catch (e) {
    throw new DiagnosticError([{ ...messages.outputUnwritable(outDir, (e as Error).message), severity: "error" }]);
  }
  try {
    writeFileSync(join(staging, names.c), cSource);
    const { warnings } = await compileC({ cFile: join(staging, names.c), objectFile: join(staging, names.o), cwd: dirname(checked.probe.path), debugPrefixMap: [staging, outDir] });
    locateConfig(manifest, readFileSync(join(staging, names.o)));
    writeFileSync(join(staging, names.manifest), JSON.stringify(manifest, null, 2) + "\n");
    const verify = options.verify ?? false;
    const verification = verify === false ? undefined : await verifyBuild(join(staging, names.o), manifest, checked.probe.path, verify);
    for (const f of [names.c, names.o, names.manifest]) renameSync(join(staging, f), join(outDir, f));
    return { cFile: join(outDir, names.c), objectFile: join(outDir, names.o), manifestFile: join(outDir, names.manifest), manifest, cSource, clangWarnings: warnings, warnings: checked.warnings, verification };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Records where each config object landed in .rodata, from the object's symbol table. */
function locateConfig(manifest: Manifest, object: Uint8Array): void {
  if (manifest.config.length === 0) return;
  const elf = readElf(object);
  for (const c of manifest.config) {
    const sym = findSymbol(elf, c.symbol, c.section);
    if (!sym || sym.size !== c.size) throw new Error(`internal: config '${c.name}' is not a ${c.size}-byte symbol in ${c.section} of the object`);
    c.sectionOffset = sym.value;
  }
}
