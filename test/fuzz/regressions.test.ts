// Every shrunk fuzzer finding and issue reproducer in test/fuzz/regressions/ must pass `tsbpf check`, build without a clang
// error or warning, and pass the kernel verifier.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { ProbeSession } from "../../compiler/frontend/project.js";
import { describeKernel } from "../support/kernel.js";
import { REGRESSIONS_DIR } from "./run/regressions.js";
import { runPipeline } from "./run/pipeline.js";

const files = readdirSync(REGRESSIONS_DIR).filter((f) => f.endsWith(".ts")).sort();

describeKernel("fuzzer regressions", () => {
  const workDir = mkdtempSync(join(tmpdir(), "tsbpf-fuzz-regressions-"));
  const session = new ProbeSession();
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it("has probes to check", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)("%s checks, builds without warnings and verifies", async (file) => {
    const outcome = await runPipeline(readFileSync(join(REGRESSIONS_DIR, file), "utf8"), file.replace(/\.ts$/, ""), { workDir, session, verify: true });
    const problems = outcome.status === "rejected" ? outcome.diagnostics!.map((d) => `rejected by check: ${d.code} ${d.message}`) : outcome.failures.map((f) => `${f.cls}\n${f.message}`);
    expect(problems).toEqual([]);
  });
});
