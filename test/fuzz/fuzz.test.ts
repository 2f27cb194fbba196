// The property in CI: 300 programs from a fresh seed (printed; TSBPF_FUZZ_SEED reruns it), each one `tsbpf check` accepts
// must build without a clang error or warning and pass the kernel verifier; the test lists every failure, shrunk. One
// known gap is tolerated, and printed: the estimate of the verifier's work still falls short of the kernel's count on
// about one generated program in 1,000 to 2,000 (see BUDGET_TOLERANCE); any other failure, or two of those, fails.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { describeKernel } from "../support/kernel.js";
import { summary } from "./run/report.js";
import { fuzz } from "./run/runner.js";

const COUNT = Number(process.env.TSBPF_FUZZ_COUNT ?? 300);
/** Programs of a run that may exceed the verifier's budget after check accepted them (the open part of guarantee 1). */
const BUDGET_TOLERANCE = 1;
const BUDGET_CLASSES = /^verifier: BPF program is too large|^verifier: the sequence of N jumps is too complex/;

describeKernel("program fuzzer", () => {
  const workDir = mkdtempSync(join(tmpdir(), "tsbpf-fuzz-test-"));
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it(`${COUNT} generated programs: every one check accepts builds without warnings and verifies`, async () => {
    const seed = process.env.TSBPF_FUZZ_SEED ? Number(process.env.TSBPF_FUZZ_SEED) >>> 0 : (Math.random() * 0x100000000) >>> 0;
    console.log(`tsbpf fuzz: seed ${seed} (TSBPF_FUZZ_SEED=${seed} runs the same programs again)`);
    const report = await fuzz({ seed, count: COUNT, size: "mixed", jobs: 3, verify: true, shrink: true, shrinkBudgetMs: 20_000, workDir });
    const text = summary(report);
    console.log(text);
    const rejectedUnlocated = report.results.filter((r) => r.outcome.failures.some((f) => f.cls.startsWith("checker diagnostic without location")));
    expect(rejectedUnlocated).toEqual([]);
    const failed = report.results.filter((r) => r.outcome.status === "failed");
    const overBudget = failed.filter((r) => r.outcome.failures.every((f) => BUDGET_CLASSES.test(f.cls)));
    if (overBudget.length) console.log(`tsbpf fuzz: ${overBudget.length} program(s) over the verifier's budget that check's estimate accepted (tolerated: ${BUDGET_TOLERANCE} per run, a known gap)`);
    if (failed.length > overBudget.length || overBudget.length > BUDGET_TOLERANCE) throw new Error(`the property failed for seed ${seed}:\n${text}`);
  }, 40 * 60_000);
});
