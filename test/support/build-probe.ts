// Builds a probe into a fresh temporary directory for a test, and removes it afterwards.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, type BuildOptions, type BuildResult } from "../../compiler/build.js";

export interface BuiltProbe extends BuildResult {
  dir: string;
  remove(): void;
}

export async function buildProbe(probe: string, options: BuildOptions = {}): Promise<BuiltProbe> {
  const dir = mkdtempSync(join(tmpdir(), "tsbpf-test-"));
  const result = await build(probe, { ...options, outDir: dir });
  return { ...result, dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
