// The property in CI: 300 programs from a fresh seed (printed; TSBPF_FUZZ_SEED reruns it), each one `tsbpf check` accepts
// must build without a clang error or warning and pass the kernel verifier; the test lists every failure, shrunk.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { describeKernel } from "../support/kernel.js";
import { summary } from "./run/report.js";
import { fuzz } from "./run/runner.js";

const COUNT = Number(process.env.TSBPF_FUZZ_COUNT ?? 300);

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
    if (failed.length) throw new Error(`the property failed for seed ${seed}:\n${text}`);
  }, 40 * 60_000);
});
