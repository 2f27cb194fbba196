// Golden C: the program part of the generated C for representative snippets (UPDATE_GOLDEN=1 rewrites the .expected.c files).
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateC } from "../../compiler/build.js";

const dir = join(import.meta.dirname, "..", "golden");
const snippets = readdirSync(dir).filter((f) => f.endsWith(".ts"));

/** The part after the fixed runtime: constants, helpers and programs, with their #line directives. */
export function programPart(c: string): string {
  const marker = c.indexOf('char _license[] SEC("license")');
  return c.slice(c.indexOf("\n", marker) + 1).trimStart();
}

describe("golden C", () => {
  for (const f of snippets) {
    it(f, () => {
      const actual = programPart(generateC(join(dir, f)).cSource);
      const expectedFile = join(dir, f.replace(/\.ts$/, ".expected.c"));
      if (process.env.UPDATE_GOLDEN === "1" || !existsSync(expectedFile)) writeFileSync(expectedFile, actual);
      expect(actual).toBe(readFileSync(expectedFile, "utf8"));
    });
  }

  it("emits libbpf's canonical section name when asked, with the method as the symbol", () => {
    const { cSource, programs } = generateC(join(dir, "headers.ts"), { sections: "libbpf" });
    expect(cSource).toContain('SEC("xdp") int headers(struct xdp_md *ctx)');
    expect(programs[0]!.section).toBe("xdp");
  });

  it("puts a #line directive before the program function and before each statement", () => {
    const c = programPart(generateC(join(dir, "headers.ts")).cSource).split("\n");
    const fn = c.findIndex((l) => l.startsWith('SEC("xdp/headers")'));
    expect(c[fn - 1]).toBe('#line 4 "headers.ts"');
    const stmt = c.findIndex((l) => l.includes("struct tsbpf_hdr eth = tsbpf_xdp_eth(ctx);"));
    expect(c[stmt - 1]).toBe('#line 5 "headers.ts"');
  });
});
