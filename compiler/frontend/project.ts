// Loads a probe into a ts-morph project whose only ambient declarations are runtime-types/, and gates on tsc's own diagnostics.
import { existsSync, statSync } from "node:fs";
import { basename } from "node:path";
import { resolve } from "node:path";
import { Project, ts, type SourceFile } from "ts-morph";
import { messages } from "../diagnostics/catalogue.js";
import { DiagnosticError, type Diagnostic } from "../diagnostics/diagnostic.js";
import { locationOf } from "./location.js";
import { runtimeTypeFiles } from "./runtime-types.js";

export interface LoadedProbe {
  project: Project;
  sourceFile: ts.SourceFile;
  /** The local .ts files the probe imports, directly or not (not runtime-types/). */
  imports: ts.SourceFile[];
  checker: ts.TypeChecker;
  /** Absolute path of the probe. */
  path: string;
}

export const PROBE_COMPILER_OPTIONS: ts.CompilerOptions = {
  noLib: true,
  types: [],
  strict: true,
  noImplicitReturns: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  noEmit: true,
  skipLibCheck: true,
};

/** Parses and type-checks a probe; throws DiagnosticError with tsc's errors if it does not type-check. */
export function loadProbe(file: string): LoadedProbe {
  const path = probePath(file);
  const project = new Project({ compilerOptions: PROBE_COMPILER_OPTIONS, skipAddingFilesFromTsConfig: true });
  const ambientFiles = runtimeTypeFiles();
  for (const f of ambientFiles) project.addSourceFileAtPath(f);
  return typeCheck(project, project.addSourceFileAtPath(path), path, new Set(ambientFiles.map((f) => resolve(f))));
}

/**
 * Loads many probes, one after another, into one long-lived project: the runtime types are parsed and bound once,
 * and each load replaces the previous probe (and its imports). For tools that check thousands of probes in one
 * process (the program fuzzer); a probe loaded this way is valid until the next load.
 */
export class ProbeSession {
  private readonly project = new Project({ compilerOptions: PROBE_COMPILER_OPTIONS, skipAddingFilesFromTsConfig: true });
  private readonly ambient: Set<string>;

  constructor() {
    const ambientFiles = runtimeTypeFiles();
    for (const f of ambientFiles) this.project.addSourceFileAtPath(f);
    this.ambient = new Set(ambientFiles.map((f) => resolve(f)));
  }

  load(file: string): LoadedProbe {
    const path = probePath(file);
    for (const f of this.project.getSourceFiles()) if (!this.ambient.has(resolve(f.getFilePath()))) this.project.removeSourceFile(f);
    return typeCheck(this.project, this.project.addSourceFileAtPath(path), path, this.ambient);
  }
}

/** The probe's absolute path, or a DiagnosticError when it is not a usable .ts file. */
function probePath(file: string): string {
  const path = resolve(file);
  if (!existsSync(path) || !statSync(path).isFile()) {
    const t = existsSync(path) ? messages.notAFile(file) : messages.fileNotFound(file);
    throw new DiagnosticError([{ ...t, severity: "error" }]);
  }
  // clang's #line directives and the verifier's line info carry the path: no quotes, backslashes or control characters (a carriage return ends a line there)
  if (/["\\\x00-\x08\x0a-\x1f\x7f]/.test(path) || !basename(path).endsWith(".ts")) {
    throw new DiagnosticError([{ ...messages.badProbePath(file), severity: "error" }]);
  }
  return path;
}

/** tsc's gate over a project holding the probe and the runtime types. */
function typeCheck(project: Project, source: SourceFile, path: string, ambient: Set<string>): LoadedProbe {
  const program = project.getProgram().compilerObject;
  const tsDiagnostics = [...program.getSyntacticDiagnostics(), ...program.getSemanticDiagnostics(), ...program.getGlobalDiagnostics()];
  const errors = tsDiagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error).map(fromTsDiagnostic);
  if (errors.length > 0) throw new DiagnosticError(errors);
  const imports = program.getSourceFiles().filter((f) => f !== source.compilerNode && !ambient.has(resolve(f.fileName)));
  return { project, sourceFile: source.compilerNode, imports, checker: program.getTypeChecker(), path };
}

function fromTsDiagnostic(d: ts.Diagnostic): Diagnostic {
  const message = brandFreeMessage(d);
  const base: Diagnostic = { code: `TS${d.code}`, message, severity: "error" };
  if (!d.file || d.start === undefined) return base;
  return { ...base, location: locationOf(d.file, d.start, d.length ?? 1) };
}

/** tsc explains integer narrowing through the brands in runtime-types/ints.d.ts; users need the first line and the fix. */
function brandFreeMessage(d: ts.Diagnostic): string {
  const full = ts.flattenDiagnosticMessageText(d.messageText, "\n");
  if (!full.includes("__int")) return full;
  const first = full.split("\n")[0]!;
  const target = /to type '([ui](?:8|16|32|64))'/.exec(first)?.[1];
  return target ? `${first} Convert explicitly with ${target}(value) if truncation is intended.` : first;
}
