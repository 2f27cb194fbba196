// A fuzzing run: programs generated from one seed go through the property on a few concurrent jobs; then one program of
// each failure class (the smallest) is shrunk to a minimal reproducer.
import { ProbeSession } from "../../../compiler/frontend/project.js";
import { generate } from "../generate/index.js";
import type { SizeChoice, SizeName } from "../generate/size.js";
import { shrink } from "../shrink/shrink.js";
import { runPipeline, type Outcome, type PipelineOptions } from "./pipeline.js";

export interface FuzzOptions {
  seed: number;
  count: number;
  size: SizeChoice;
  /** Programs in flight at once (clang and the verifier run beside the checker). */
  jobs: number;
  verify: boolean;
  shrink: boolean;
  /** Time allowed to shrink one failure. */
  shrinkBudgetMs: number;
  workDir: string;
  /** Only these program indexes (to reproduce a failure). */
  only?: number[];
  onResult?: (r: ProgramResult, done: number, total: number) => void;
  onShrinkStart?: (cls: string, r: ProgramResult) => void;
}

export interface ProgramResult {
  index: number;
  size: SizeName;
  lines: number;
  outcome: Outcome;
}

export interface ShrunkFailure {
  cls: string;
  /** The message of the shrunk program's failure (the verifier's or clang's words). */
  message: string;
  /** The end of the verifier's log, for verifier failures. */
  detail?: string;
  seed: number;
  index: number;
  size: SizeName;
  originalLines: number;
  text: string;
  tries: number;
  /** The shrink budget ran out first: smaller may exist. */
  exhausted: boolean;
}

export interface FuzzReport {
  options: FuzzOptions;
  results: ProgramResult[];
  shrunk: ShrunkFailure[];
  /** Running the programs, and shrinking their failures. */
  runMs: number;
  shrinkMs: number;
}

export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const session = new ProbeSession();
  const pipeline: PipelineOptions = { workDir: options.workDir, session, verify: options.verify };
  const indexes = options.only ?? Array.from({ length: options.count }, (_, i) => i);
  const results: ProgramResult[] = [];
  await pool(indexes, options.jobs, async (index) => {
    const g = generate(options.seed, index, options.size);
    const outcome = await runPipeline(g.text, `p${index}`, pipeline);
    const r: ProgramResult = { index, size: g.size, lines: g.text.split("\n").length, outcome };
    results.push(r);
    options.onResult?.(r, results.length, indexes.length);
  });
  results.sort((a, b) => a.index - b.index);
  const runMs = Date.now() - started;
  const shrunk: ShrunkFailure[] = [];
  if (options.shrink) {
    await pool([...representatives(results)], options.jobs, async ([cls, r]) => {
      options.onShrinkStart?.(cls, r);
      shrunk.push(await shrinkFailure(options, pipeline, cls, r));
    });
    shrunk.sort((a, b) => a.cls.localeCompare(b.cls));
  }
  return { options, results, shrunk, runMs, shrinkMs: Date.now() - started - runMs };
}

/** For each failure class, the smallest program that shows it. */
function representatives(results: ProgramResult[]): Map<string, ProgramResult> {
  const best = new Map<string, ProgramResult>();
  for (const r of results) {
    for (const f of r.outcome.failures) {
      const prior = best.get(f.cls);
      if (!prior || r.lines < prior.lines) best.set(f.cls, r);
    }
  }
  return best;
}

/** The stage that shows a class: a clang failure needs no verifier, a checker failure no clang. */
export function stageOf(cls: string): "check" | "build" | "verify" {
  if (cls.startsWith("clang") || cls.startsWith("build") || cls.startsWith("internal error (build)")) return "build";
  if (cls.startsWith("checker") || cls.startsWith("internal error (check)")) return "check";
  return "verify";
}

async function shrinkFailure(options: FuzzOptions, pipeline: PipelineOptions, cls: string, r: ProgramResult): Promise<ShrunkFailure> {
  const g = generate(options.seed, r.index, options.size);
  let attempt = 0;
  let failure = r.outcome.failures.find((f) => f.cls === cls)!;
  const until = stageOf(cls);
  const fails = async (text: string) => {
    const o = await runPipeline(text, `s${r.index}-${attempt++}`, { ...pipeline, until });
    const f = o.failures.find((x) => x.cls === cls);
    if (f) failure = f;
    return !!f;
  };
  const result = await shrink(g.probe, fails, options.shrinkBudgetMs);
  // the message of the smallest program: run it once more, since the last candidate tried may have been larger
  await fails(result.text);
  return { cls, message: failure.message, detail: failure.detail, seed: options.seed, index: r.index, size: r.size, originalLines: r.lines, text: result.text, tries: result.tries, exhausted: result.exhausted };
}

/** Runs work over items with at most `jobs` in flight. */
async function pool<T>(items: T[], jobs: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, worker));
}
