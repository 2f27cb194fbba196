// The property in CI: 300 programs from the commit's seed (printed; TSBPF_FUZZ_SEED reruns it), each one `tsbpf check`
// accepts must build without a clang error or warning and pass the kernel verifier; the test lists every failure, shrunk.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { describeKernel } from "../support/kernel.js";
import { failedProgramLine, summary } from "./run/report.js";
import { fuzz } from "./run/runner.js";

const COUNT = Number(process.env.TSBPF_FUZZ_COUNT ?? 300);

/**
 * The sample's seed: TSBPF_FUZZ_SEED if set, else one derived from the checked-out commit, so a commit's test runs the
 * same programs wherever it runs (each commit a new sample; `make fuzz` explores with fresh seeds), else a random one.
 */
function sampleSeed(): number {
  if (process.env.TSBPF_FUZZ_SEED) return Number(process.env.TSBPF_FUZZ_SEED) >>> 0;
  try {
    const head = execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return createHash("sha256").update(head).digest().readUInt32BE(0);
  } catch {
    return (Math.random() * 0x100000000) >>> 0;
  }
}

describeKernel("program fuzzer", () => {
  const workDir = mkdtempSync(join(tmpdir(), "tsbpf-fuzz-test-"));
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it(`${COUNT} generated programs: every one check accepts builds without warnings and verifies`, async () => {
    const seed = sampleSeed();
    console.log(`tsbpf fuzz: seed ${seed} (TSBPF_FUZZ_SEED=${seed} runs the same programs again)`);
    const report = await fuzz({ seed, count: COUNT, size: "mixed", jobs: 3, verify: true, shrink: true, shrinkBudgetMs: 20_000, workDir });
    const text = summary(report);
    console.log(text);
    const rejectedUnlocated = report.results.filter((r) => r.outcome.failures.some((f) => f.cls.startsWith("checker diagnostic without location")));
    expect(rejectedUnlocated).toEqual([]);
    const failed = report.results.filter((r) => r.outcome.status === "failed");
    if (failed.length) {
      // first the seed and one line per failed program (what a truncated log must keep), then the whole report
      const lines = failed.map((r) => `${failedProgramLine(r)} (make fuzz SEED=${seed} ONLY=${r.index})`);
      throw new Error(`the property failed for seed ${seed} (TSBPF_FUZZ_SEED=${seed}), ${failed.length} of ${COUNT} programs:\n${lines.join("\n")}\n\n${text}`);
    }
  }, 40 * 60_000);
});
