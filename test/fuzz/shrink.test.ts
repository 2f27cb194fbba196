// The shrinker: it keeps a failure while deleting, unwrapping and simplifying, down to a minimal program.
import { expect, it } from "vitest";
import { generate } from "./generate/index.js";
import { shrink } from "./shrink/shrink.js";

it("shrinks a large program to the few lines that keep its failure", async () => {
  // a stand-in property: the program "fails" while it holds a trace() call and a for loop
  const fails = async (text: string) => text.includes("trace(") && text.includes("for (");
  const g = Array.from({ length: 20 }, (_, i) => generate(77, i, "large")).find((x) => x.text.includes("trace(") && x.text.includes("for ("))!;
  expect(g.text.split("\n").length).toBeGreaterThan(100);
  const result = await shrink(g.probe, fails, 60_000);
  expect(result.exhausted).toBe(false);
  expect(await fails(result.text)).toBe(true);
  const lines = result.text.trimEnd().split("\n");
  expect(lines.length).toBeLessThan(14);
  expect(lines.filter((l) => l.includes("trace(")).length).toBe(1);
});
