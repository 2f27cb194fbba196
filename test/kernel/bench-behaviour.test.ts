// Every benchmark program behaves as its hand-written C on the benchmark's packets: verdicts, output packets and maps (make bench times them).
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import type { BenchCase } from "../../bench/case.js";
import { compareBehaviour, loadSides } from "../../bench/measure.js";
import { describeKernel } from "../support/kernel.js";

const programs = join(import.meta.dirname, "..", "..", "bench", "programs");
const names = readdirSync(programs).sort();
const work = mkdtempSync(join(tmpdir(), "tsbpf-bench-behaviour-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describeKernel("benchmark programs against their C", () => {
  it("has programs to compare", () => {
    expect(names.length).toBeGreaterThanOrEqual(10);
  });

  it.each(names)("%s: the same verdicts, output packets and maps", async (name) => {
    const c = (await import(join(programs, name, "case.ts"))).default as BenchCase;
    expect(c.name).toBe(name);
    const sides = await loadSides(join(work, name), join(programs, name), c);
    try {
      expect(await compareBehaviour(c, sides.tsbpf, sides.c)).toEqual([]);
    } finally {
      await sides.tsbpf.obj.close();
      await sides.c.obj.close();
    }
  });
});
