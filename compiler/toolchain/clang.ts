// Drives clang: generated C in, BPF ELF object out (BTF and line info included).
import { execa } from "execa";
import { messages } from "../diagnostics/catalogue.js";
import { DiagnosticError } from "../diagnostics/diagnostic.js";

export interface ClangJob {
  cFile: string;
  objectFile: string;
  /** Inlined runtime code is attributed to the calling TypeScript line (-gno-inline-line-tables). clang runs here so the relative #line paths find the TypeScript sources it embeds in the line info. */
  cwd: string;
  /** Where the files will finally live, for the paths recorded in debug info. */
  debugPrefixMap?: [string, string];
}

export const CLANG = process.env.TSBPF_CLANG ?? "clang";
export const CLANG_FLAGS = ["-O2", "-g", "-gno-inline-line-tables", "-target", "bpf", "-mcpu=v3", "-Wall", "-Wno-unused-function", "-Wno-unused-variable", "-Wno-unused-but-set-variable"];

export async function compileC(job: ClangJob): Promise<{ warnings: string }> {
  const args = [...CLANG_FLAGS, "-c", job.cFile, "-o", job.objectFile];
  if (job.debugPrefixMap) args.unshift(`-fdebug-prefix-map=${job.debugPrefixMap[0]}=${job.debugPrefixMap[1]}`);
  const r = await execa(CLANG, args, { cwd: job.cwd, reject: false, all: true });
  if ((r as { code?: string }).code === "ENOENT") throw new DiagnosticError([{ ...messages.clangMissing(), severity: "error" }]);
  if (r.exitCode !== 0) throw new DiagnosticError([{ ...messages.clangFailed(r.all ?? r.message), severity: "error" }]);
  return { warnings: r.all ?? "" };
}
