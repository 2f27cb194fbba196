// Builds a probe into a fresh temporary directory for a test (and loads it into the kernel), and removes it afterwards.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { build, type BuildOptions, type BuildResult } from "../../compiler/build.js";
import { loadObject, type LoadedObject, type LoadOptions } from "./kernel.js";

export interface BuiltProbe extends BuildResult {
  dir: string;
  remove(): void;
}

export async function buildProbe(probe: string, options: BuildOptions = {}): Promise<BuiltProbe> {
  const dir = mkdtempSync(join(tmpdir(), "tsbpf-test-"));
  const result = await build(probe, { ...options, outDir: dir });
  return { ...result, dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** What useProbe gives tests: the build (files, manifest) and the loaded object, available once beforeAll has run. */
export interface ProbeUnderTest {
  readonly built: BuiltProbe;
  readonly obj: LoadedObject;
}

/** In a describe block: builds the probe and loads its programs before the tests, unloads and removes them after. */
export function useProbe(probe: string, type: LoadOptions["type"] = "xdp"): ProbeUnderTest {
  let built: BuiltProbe | undefined;
  let loaded: LoadedObject | undefined;
  beforeAll(async () => {
    built = await buildProbe(probe);
    loaded = await loadObject(built.objectFile, { type });
  });
  afterAll(async () => {
    await loaded?.close();
    built?.remove();
  });
  return {
    get built() {
      return built!;
    },
    get obj() {
      return loaded!;
    },
  };
}

/** useProbe for tests that need only the loaded object. */
export function useLoadedProbe(probe: string): () => LoadedObject {
  const p = useProbe(probe);
  return () => p.obj;
}
