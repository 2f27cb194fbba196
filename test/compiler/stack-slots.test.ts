// Every object the generated C keeps in memory starts an 8-byte stack slot: clang's optimised IR has no alloca aligned below 8, over every probe the project keeps.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateC } from "../../compiler/build.js";
import { CLANG, CLANG_FLAGS } from "../../compiler/toolchain/clang.js";

const root = join(import.meta.dirname, "..", "..");
const inDir = (dir: string, keep: (f: string) => boolean) =>
  readdirSync(join(root, dir))
    .filter(keep)
    .map((f) => join(dir, f));

const probes = [
  ...inDir("test/fuzz/regressions", (f) => f.endsWith(".ts") && !/^\/\/ expect: rejected/m.test(readFileSync(join(root, "test/fuzz/regressions", f), "utf8"))),
  ...inDir("test/kernel", (f) => f.endsWith(".ts") && !f.endsWith(".test.ts")),
  ...readdirSync(join(root, "examples")).map((e) => join("examples", e, "probe.ts")),
];

/** The allocas of clang's optimised IR for a C source that are aligned below 8 bytes. */
function narrowAllocas(c: string): string[] {
  const r = spawnSync(CLANG, [...CLANG_FLAGS.filter((f) => f !== "-g"), "-S", "-emit-llvm", "-x", "c", "-", "-o", "-"], { input: c, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`clang failed: ${r.stderr}`);
  return [...r.stdout.matchAll(/= alloca (.+?), align (\d+)/g)].filter((m) => Number(m[2]) < 8).map((m) => `${m[1]} (align ${m[2]})`);
}

describe("stack slots", () => {
  it("the check sees a 4-byte local kept in memory", () => {
    const c = "typedef unsigned int __u32;\nextern long use(const void *p);\nlong f(__u32 k) { __u32 key = k; return use(&key); }\n";
    expect(narrowAllocas(c)).toEqual(["i32 (align 4)"]);
  });

  it(`no object of the generated C below 8-byte alignment (${probes.length} probes)`, () => {
    const narrow = probes.flatMap((p) => narrowAllocas(generateC(join(root, p), { kernelDecides: true }).cSource).map((a) => `${p}: ${a}`));
    expect(narrow).toEqual([]);
  });
});
