// Shrunk failures kept as regression probes in test/fuzz/regressions/<class>-<hash>.ts.
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../../compiler/frontend/runtime-types.js";
import { reproduceCommand } from "./report.js";
import type { ShrunkFailure } from "./runner.js";

/** In the source tree (not dist/), wherever this module runs from. */
export const REGRESSIONS_DIR = join(projectRoot(), "test", "fuzz", "regressions");

/** A file name for the class: its words, and a hash of the probe. */
export function regressionName(s: ShrunkFailure): string {
  const slug = s.cls
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60)
    .replace(/-$/, "");
  const hash = createHash("sha1").update(s.text).digest("hex").slice(0, 8);
  return `${slug}-${hash}.ts`;
}

/** The probe with a header that says what it shows and where it came from. */
export function regressionText(s: ShrunkFailure, size: string): string {
  const body = s.text.split("\n").filter((l, i) => !(i === 0 && l.startsWith("// tsbpf fuzz:")));
  const header = [
    `// tsbpf fuzz regression: ${s.cls}`,
    `// Found by seed ${s.seed}, program ${s.index} (${s.size}), shrunk; ${reproduceCommand(s.seed, s.index, size)} finds the original.`,
    `// ${s.message.split("\n")[0]!.replace(/^\S+\.ts:\d+:\d+: /, "").slice(0, 200)}`,
  ];
  return [...header, ...body].join("\n");
}

export function saveRegression(s: ShrunkFailure, size: string, dir = REGRESSIONS_DIR): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, regressionName(s));
  writeFileSync(path, regressionText(s, size));
  return path;
}
