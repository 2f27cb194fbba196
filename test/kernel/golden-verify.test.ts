// Every golden snippet, compiled by clang without a warning, is accepted by the kernel verifier.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { buildProbe } from "../support/build-probe.js";
import { describeKernel, loadObject } from "../support/kernel.js";

const dir = join(import.meta.dirname, "..", "golden");

describeKernel("golden snippets pass the verifier", () => {
  for (const f of readdirSync(dir).filter((x) => x.endsWith(".ts"))) {
    it(f, async () => {
      const probe = await buildProbe(join(dir, f));
      try {
        expect(probe.clangWarnings).toBe("");
        const obj = await loadObject(probe.objectFile, { type: "xdp" });
        expect(obj.programs).toEqual(probe.manifest.programs.map((p) => p.name));
        await obj.close();
      } finally {
        probe.remove();
      }
    });
  }
});
