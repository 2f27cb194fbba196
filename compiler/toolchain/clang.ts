// Drives clang: generated C in, BPF ELF object out (BTF and line info included).
import { execa } from "execa";
import { messages } from "../diagnostics/catalogue.js";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { DiagnosticError, type Diagnostic } from "../diagnostics/diagnostic.js";
import { displayPath } from "../frontend/location.js";

export interface ClangJob {
  cFile: string;
  objectFile: string;
  /** Inlined runtime code is attributed to the calling TypeScript line (-gno-inline-line-tables). clang runs here so the relative #line paths find the TypeScript sources it embeds in the line info. */
  cwd: string;
  /** Where the files will finally live, for the paths recorded in debug info. */
  debugPrefixMap?: [string, string];
}

export const CLANG = process.env.TSBPF_CLANG ?? "clang";
/**
 * What clang would say about the user's own redundancy (`x == x`, `(x & 3) == 4`, `x < 5 && x > 10`, `x = x`): tsbpf's
 * checker reports it as warnings at the TypeScript (TSBPF1056, TSBPF1057), so clang does not repeat it about the C. `2 ^ 8` is an exclusive or in TypeScript, whatever clang suspects of it in C.
 */
const USER_REDUNDANCY_WARNINGS = ["-Wno-tautological-compare", "-Wno-self-assign", "-Wno-xor-used-as-pow"];

/**
 * -fno-strict-aliasing: setters read a header's 16-bit words around a wider store to fix checksums, and must see the store.
 * -fno-builtin: a probe's own names may be C library names (a map `memcpy`, a function `printf`), and clang forms no
 * memcpy/memset calls out of loops, which BPF cannot call.
 */
export const CLANG_FLAGS = ["-O2", "-g", "-fno-strict-aliasing", "-fno-builtin", "-gno-inline-line-tables", "-target", "bpf", "-mcpu=v3", "-Wall", "-Wno-unused-function", "-Wno-unused-variable", "-Wno-unused-but-set-variable", ...USER_REDUNDANCY_WARNINGS];

export async function compileC(job: ClangJob): Promise<{ warnings: string }> {
  const args = [...CLANG_FLAGS, "-c", job.cFile, "-o", job.objectFile];
  if (job.debugPrefixMap) args.unshift(`-fdebug-prefix-map=${job.debugPrefixMap[0]}=${job.debugPrefixMap[1]}`);
  const r = await execa(CLANG, args, { cwd: job.cwd, reject: false, all: true });
  if ((r as { code?: string }).code === "ENOENT") throw new DiagnosticError([{ ...messages.clangMissing(), severity: "error" }]);
  if (r.exitCode !== 0) throw new DiagnosticError([clangDiagnostic(r.all ?? r.message, job.cwd)]);
  return { warnings: r.all ?? "" };
}

/**
 * clang's first error, located at the TypeScript line its #line directives point to (relative to where clang ran).
 * clang's column counts characters of the C, not of the TypeScript, so the location spans the line's statement from its first non-blank character.
 */
export function clangDiagnostic(output: string, cwd: string): Diagnostic {
  // past tsbpf's estimate, clang found a frame over BPF's stack: the user's to fix, said in one sentence at the function
  const stack = /BPF stack limit of (\d+) bytes is exceeded/.exec(output);
  const diagnostic: Diagnostic = { ...(stack ? messages.clangStack(Number(stack[1])) : messages.clangFailed(output.trim())), severity: "error" };
  const m = /^(.+?\.ts):(\d+):(\d+): (?:fatal )?error: /m.exec(output);
  if (!m) return diagnostic;
  const path = resolve(cwd, m[1]!);
  const lineText = existsSync(path) ? readFileSync(path, "utf8").split("\n")[Number(m[2]) - 1] : undefined;
  const indent = lineText?.match(/^\s*/)?.[0].length ?? 0;
  const length = Math.max(1, (lineText?.trimEnd().length ?? 1) - indent);
  return { ...diagnostic, location: { file: displayPath(path), line: Number(m[2]), column: indent + 1, length, lineText } };
}
