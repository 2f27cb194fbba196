// Greedy shrinking: apply the first reduction that keeps the failure, start over, until none does or the budget runs out.
import type { Probe } from "../generate/ast.js";
import { printProbe } from "../generate/print.js";
import { edits } from "./edits.js";

export interface ShrinkResult {
  probe: Probe;
  text: string;
  /** Candidates tried, and how many kept the failure. */
  tries: number;
  steps: number;
  /** The budget ran out before every reduction was tried. */
  exhausted: boolean;
}

/** `fails(text)` says whether a candidate still fails the same way; it is asked once per distinct text. */
export async function shrink(start: Probe, fails: (text: string) => Promise<boolean>, budgetMs: number): Promise<ShrinkResult> {
  const deadline = Date.now() + budgetMs;
  const seen = new Set<string>([printProbe(start)]);
  let current = start;
  let tries = 0;
  let steps = 0;
  // after a success the next pass resumes at the same reduction (the earlier ones failed moments ago);
  // a pass from that point that finds nothing is followed by one full pass from the start
  let resumeAt = 0;
  for (;;) {
    let index = 0;
    let improved = false;
    for (const edit of edits(current)) {
      if (index++ < resumeAt) continue;
      if (Date.now() > deadline) return { probe: current, text: printProbe(current), tries, steps, exhausted: true };
      let candidate: Probe;
      try {
        candidate = edit.apply(current);
      } catch {
        continue;
      }
      const text = printProbe(candidate);
      if (seen.has(text)) continue;
      seen.add(text);
      tries++;
      if (await fails(text)) {
        current = candidate;
        steps++;
        improved = true;
        resumeAt = index - 1;
        break;
      }
    }
    if (improved) continue;
    if (resumeAt === 0) break;
    resumeAt = 0;
  }
  return { probe: current, text: printProbe(current), tries, steps, exhausted: false };
}
