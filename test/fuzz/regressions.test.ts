// Every shrunk fuzzer finding and issue reproducer in test/fuzz/regressions/ must pass `tsbpf check`, build without a clang
// error or warning, and pass the kernel verifier — or, when its second line reads `// expect: rejected CODE (why)`, be
// refused by `tsbpf check` with that located diagnostic (the fix for such a finding was to reject it before clang).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { ProbeSession } from "../../compiler/frontend/project.js";
import { describeKernel } from "../support/kernel.js";
import { REGRESSIONS_DIR } from "./run/regressions.js";
import { runPipeline } from "./run/pipeline.js";

const files = readdirSync(REGRESSIONS_DIR).filter((f) => f.endsWith(".ts")).sort();

/** The diagnostic code a probe expects `check` to refuse it with, if it says so. */
function expectedRejection(text: string): string | undefined {
  return /^\/\/ expect: rejected ((?:TS|TSBPF)\d+)\b/m.exec(text)?.[1];
}

describeKernel("fuzzer regressions", () => {
  const workDir = mkdtempSync(join(tmpdir(), "tsbpf-fuzz-regressions-"));
  const session = new ProbeSession();
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it("has probes to check", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)("%s keeps its fix", async (file) => {
    const text = readFileSync(join(REGRESSIONS_DIR, file), "utf8");
    const expected = expectedRejection(text);
    const outcome = await runPipeline(text, file.replace(/\.ts$/, ""), { workDir, session, verify: true, until: expected ? "check" : undefined });
    if (expected) {
      expect(outcome.status).toBe("rejected");
      const codes = outcome.diagnostics!.map((d) => d.code);
      expect(codes).toContain(expected);
      const located = outcome.diagnostics!.find((d) => d.code === expected)!;
      expect(located.location?.line).toBeGreaterThan(0);
      return;
    }
    const problems = outcome.status === "rejected" ? outcome.diagnostics!.map((d) => `rejected by check: ${d.code} ${d.message}`) : outcome.failures.map((f) => `${f.cls}\n${f.message}`);
    expect(problems).toEqual([]);
  });
});
