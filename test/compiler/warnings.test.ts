// Every fixture in test/warnings marks the warnings it draws with `//! CODE`: the checker reports exactly those, and the build succeeds without a word from clang.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build, checkFile } from "../../compiler/build.js";
import { formatDiagnostics } from "../../compiler/diagnostics/format.js";

const dir = join(import.meta.dirname, "..", "warnings");
const fixtures = readdirSync(dir).filter((f) => f.endsWith(".ts"));

function expected(file: string): string[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .flatMap((line, i) => [...line.matchAll(/\/\/! (TSBPF\d+)/g)].map((m) => `${m[1]}@${i + 1}`));
}

describe("warning fixtures", () => {
  for (const f of fixtures) {
    it(`${f}: the marked warnings, located`, () => {
      const checked = checkFile(join(dir, f));
      expect(checked.warnings.map((d) => `${d.code}@${d.location?.line}`).sort()).toEqual(expected(join(dir, f)).sort());
      expect(checked.warnings.every((d) => d.severity === "warning" && d.location!.column > 0)).toBe(true);
    });

    it(`${f}: builds, and clang has nothing to say about the C`, async () => {
      const out = mkdtempSync(join(tmpdir(), "tsbpf-warnings-"));
      try {
        const result = await build(join(dir, f), { outDir: out });
        expect(result.clangWarnings).toBe("");
        expect(result.warnings.length).toBe(expected(join(dir, f)).length);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });
  }

  it("prints warnings as warnings, and counts them", () => {
    const text = formatDiagnostics(checkFile(join(dir, "redundancy.ts")).warnings);
    expect(text).toMatch(/redundancy\.ts:11:5 - warning TSBPF1057: 'x' is assigned its own value/);
    expect(text).toMatch(/Found \d+ warnings\.$/);
  });
});
