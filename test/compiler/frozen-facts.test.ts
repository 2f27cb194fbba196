// Lowering reads only check's frozen facts: with TypeScript's checker and project made unusable after check, every probe lowers to the same C.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { printUnit } from "../../compiler/c/printer.js";
import { checkProbe } from "../../compiler/check/index.js";
import { loadProbe } from "../../compiler/frontend/project.js";
import { lowerProbe } from "../../compiler/lower/program.js";

const root = join(import.meta.dirname, "..", "..");
const probesIn = (dir: string) => readdirSync(join(root, dir)).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts")).map((f) => join(dir, f));
const PROBES = [
  ...["examples/drop-ipv4/probe.ts", "examples/port-filter/probe.ts"],
  ...probesIn("test/golden"),
  ...probesIn("test/kernel").filter((f) => !f.includes("cli-probe")),
  ...readdirSync(join(root, "bench/programs")).map((p) => `bench/programs/${p}/probe.ts`),
];

/** Something that throws on any use, naming what was used. */
function poisoned(what: string): never {
  return new Proxy({}, { get: (_t, key) => { throw new Error(`lowering asked the ${what} for ${String(key)}`); } }) as never;
}

const lower = (checked: ReturnType<typeof checkProbe>) => printUnit(lowerProbe(checked, { sections: "tsbpf", license: "GPL" }).unit);

describe("check hands lowering a frozen result", () => {
  it("covers the examples, the golden snippets, the kernel-test probes and the bench probes", () => {
    expect(PROBES.length).toBeGreaterThan(30);
  });

  for (const probe of PROBES) {
    it(`${probe} lowers without TypeScript`, () => {
      const expected = lower(checkProbe(loadProbe(join(root, probe))));
      const checked = checkProbe(loadProbe(join(root, probe)));
      checked.probe.checker = poisoned("TypeScript checker");
      checked.probe.project = poisoned("ts-morph project");
      expect(lower(checked)).toBe(expected);
    });
  }

  it("the poison works: asking the checker throws", () => {
    const checked = checkProbe(loadProbe(join(root, "examples/drop-ipv4/probe.ts")));
    checked.probe.checker = poisoned("TypeScript checker");
    expect(() => checked.probe.checker.getTypeAtLocation(checked.probe.sourceFile)).toThrow(/lowering asked the TypeScript checker for getTypeAtLocation/);
  });

  it("the facts cannot be changed after check", () => {
    const { facts } = checkProbe(loadProbe(join(root, "examples/drop-ipv4/probe.ts")));
    expect(Object.isFrozen(facts)).toBe(true);
    expect(() => ((facts as { types: unknown }).types = new Map())).toThrow(TypeError);
  });

  it("names an identifier check never resolved instead of asking TypeScript", () => {
    const { facts, probe } = checkProbe(loadProbe(join(root, "examples/drop-ipv4/probe.ts")));
    const stranger = loadProbe(join(root, "test/golden/headers.ts"));
    const identifier = stranger.sourceFile.statements.flatMap((s) => (s as { name?: unknown }).name ? [(s as unknown as { name: import("ts-morph").ts.Identifier }).name] : [])[0]!;
    expect(probe.sourceFile).not.toBe(stranger.sourceFile);
    expect(() => facts.declarationOf(identifier)).toThrow(/was not resolved by check/);
  });
});
