// Every fixture in test/errors marks its expected diagnostics with `//! CODE` on the offending line; the checker must report exactly those.
// A fixture about a build option names it on a line of its own (`//!license Proprietary`): it is checked and lowered with that option.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build, generateC, type BuildOptions } from "../../compiler/build.js";
import { messages } from "../../compiler/diagnostics/catalogue.js";
import { DiagnosticError } from "../../compiler/diagnostics/diagnostic.js";
import { formatDiagnostics } from "../../compiler/diagnostics/format.js";

const dir = join(import.meta.dirname, "..", "errors");
const fixtures = readdirSync(dir).filter((f) => f.endsWith(".ts"));

function expected(file: string): string[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .flatMap((line, i) => [...line.matchAll(/\/\/! (TS(?:BPF)?\d+)/g)].map((m) => `${m[1]}@${i + 1}`));
}

/** The build options a fixture names (`//!license TEXT`). */
function fixtureOptions(file: string): BuildOptions {
  const license = /^\/\/!license (.+)$/m.exec(readFileSync(file, "utf8"))?.[1];
  return license ? { license } : {};
}

function diagnose(file: string): DiagnosticError {
  try {
    generateC(file, fixtureOptions(file));
  } catch (e) {
    if (e instanceof DiagnosticError) return e;
    throw e;
  }
  throw new Error(`${file} was accepted`);
}

describe("error fixtures", () => {
  for (const f of fixtures) {
    it(f, () => {
      const file = join(dir, f);
      const err = diagnose(file);
      const got = err.diagnostics.map((d) => `${d.code}@${d.location?.line}`);
      expect(got.sort()).toEqual(expected(file).sort());
      for (const d of err.diagnostics) {
        expect(d.location?.file).toMatch(/\.ts$/);
        expect(d.location?.column).toBeGreaterThan(0);
      }
    });
  }

  it("a build of every fixture writes nothing and fails with diagnostics, never a crash", async () => {
    const out = mkdtempSync(join(tmpdir(), "tsbpf-errors-"));
    try {
      for (const f of fixtures) {
        await expect(build(join(dir, f), { ...fixtureOptions(join(dir, f)), outDir: out }), f).rejects.toBeInstanceOf(DiagnosticError);
      }
      expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("docs/language.md lists every code of the catalogue", () => {
    const doc = readFileSync(join(import.meta.dirname, "..", "..", "docs", "language.md"), "utf8");
    const codes = Object.values(messages).map((factory) => (factory as (...a: string[]) => { code: string })("x", "y").code);
    expect([...new Set(codes)].filter((c) => !doc.includes(c))).toEqual([]);
  });

  it("the corpus holds at least 60 bad programs", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(60);
  });

  it("prints file:line:col, the code, the source line and a caret under the culprit", () => {
    const err = diagnose(join(dir, "float.ts"));
    const text = formatDiagnostics(err.diagnostics);
    expect(text).toContain("float.ts:5:18 - error TSBPF1001: floating-point numbers are not supported");
    const lines = text.split("\n");
    const src = lines.findIndex((l) => l.includes("const half = 0.5;"));
    expect(src).toBeGreaterThan(0);
    expect(lines[src + 1]!.indexOf("^")).toBe(lines[src]!.indexOf("0.5"));
    expect(lines[src + 1]).toMatch(/\^~~$/);
  });

  it("every check-stage code in the catalogue is exercised by a fixture (test/errors, or test/warnings for warnings)", () => {
    const warnings = join(dir, "..", "warnings");
    const all = [...fixtures.map((f) => join(dir, f)), ...readdirSync(warnings).filter((f) => f.endsWith(".ts")).map((f) => join(warnings, f))].flatMap((f) => expected(f).map((e) => e.split("@")[0]));
    const checkCodes = Object.values(messages)
      .map((factory) => (factory as (...a: string[]) => { code: string })("x", "y").code)
      .filter((c) => c.startsWith("TSBPF1"));
    const missing = [...new Set(checkCodes)].filter((c) => !all.includes(c));
    expect(missing).toEqual([]);
  });
});
