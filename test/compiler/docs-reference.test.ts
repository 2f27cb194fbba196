// docs/maps.md lists every map kind, method and helper with the minimum kernel the tables in compiler/ give.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { HELPERS } from "../../compiler/helpers/table.js";
import { MAP_KINDS } from "../../compiler/maps/kinds.js";
import { MAP_METHODS } from "../../compiler/maps/methods.js";

const doc = readFileSync(join(import.meta.dirname, "..", "..", "docs", "maps.md"), "utf8");
const rows = doc.split("\n").filter((l) => l.startsWith("| `"));

it.each(MAP_KINDS.map((k) => [k.name, k]))("docs/maps.md has a row for %s with its kernel type and minimum kernel", (_, k) => {
  const row = rows.find((r) => r.startsWith(`| \`${k.name}\` |`));
  expect(row).toBeDefined();
  const cells = row!.split("|").map((c) => c.trim());
  expect(cells[2]).toBe(k.bpfType);
  expect(cells[3]).toBe(k.methods.map((m) => `\`${m}\``).join(", "));
  expect(cells[4]).toBe(k.minKernel);
});

it.each(HELPERS.map((h) => [h.name, h]))("docs/maps.md has a row for helper %s with its minimum kernel", (_, h) => {
  const row = rows.find((r) => r.startsWith(`| \`${h.name}(`));
  expect(row).toBeDefined();
  expect(row!.split("|").map((c) => c.trim())[3]).toBe(h.minKernel);
});

it.each(Object.keys(MAP_METHODS))("docs/maps.md describes the method %s()", (m) => {
  expect(doc).toContain(`\`${m}(`);
});
