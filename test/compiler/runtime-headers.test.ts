// The fixed runtime is real C: each header of compiler/runtime compiles on its own for BPF, agrees with the compiler's tables, and is what generated probes contain.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateC } from "../../compiler/build.js";
import { CURSOR_OFFSET_MAX } from "../../compiler/protocols/cursor.js";
import { ADDRESS_TYPES, addressSlotType } from "../../compiler/protocols/schema.js";
import { RUNTIME_HEADERS, runtimeHeader, runtimeHeadersDir } from "../../compiler/runtime/headers.js";
import { CLANG, CLANG_FLAGS } from "../../compiler/toolchain/clang.js";

const scratch = mkdtempSync(join(tmpdir(), "tsbpf-runtime-headers-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** What a header needs before it: the base types, and the packet runtime for those that use its primitives. */
const NEEDS: Record<string, string[]> = {
  "base.h": [],
  "context-fields.h": ["base.h"],
  "helpers.h": ["base.h"],
  "havoc.h": ["base.h"],
  "packet.h": ["base.h"],
  "raw-read.h": ["base.h", "packet.h"],
  "checksum.h": ["base.h"],
};

/** Compiles C with the build's own flags, warnings as errors; returns clang's output, throwing when it fails. */
function compile(name: string, source: string): string {
  const file = join(scratch, `${name}.c`);
  writeFileSync(file, source);
  return execFileSync(CLANG, [...CLANG_FLAGS, "-Werror", "-c", file, "-o", join(scratch, `${name}.o`)], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

describe("the runtime headers", () => {
  it("are every header in compiler/runtime, each opening with a one-line comment that names it part of the runtime", () => {
    for (const name of RUNTIME_HEADERS) expect(readFileSync(join(runtimeHeadersDir(), name), "utf8").split("\n")[0]).toMatch(/^\/\* tsbpf runtime: .+ \*\/$/);
  });

  for (const name of RUNTIME_HEADERS) {
    it(`${name} compiles for BPF with what it needs before it`, () => {
      const source = [...NEEDS[name]!.map((h) => `#include "${join(runtimeHeadersDir(), h)}"`), `#include "${join(runtimeHeadersDir(), name)}"`, ""].join("\n");
      expect(() => compile(name.replace(".h", ""), source)).not.toThrow();
    });
  }

  it("a header with a C error does not compile (the check above can fail)", () => {
    expect(() => compile("broken", `#include "${join(runtimeHeadersDir(), "base.h")}"\nstatic __always_inline __u32 f(void) { return undeclared; }\n`)).toThrow();
  });

  it("declares the address values the protocol descriptions name, at their sizes", () => {
    const packet = runtimeHeader("packet.h");
    for (const t of Object.keys(ADDRESS_TYPES) as (keyof typeof ADDRESS_TYPES)[]) {
      expect(packet).toContain(`${ADDRESS_TYPES[t].c} { __u8 bytes[${ADDRESS_TYPES[t].size}]; };`);
      expect(packet).toContain(`typedef ${ADDRESS_TYPES[t].c} ${addressSlotType(t)} TSBPF_SLOT;`);
    }
  });

  it("caps raw offsets where the cursor description does", () => {
    expect(runtimeHeader("raw-read.h")).toContain(`#define TSBPF_CURSOR_OFFSET_MAX 0x${CURSOR_OFFSET_MAX.toString(16)}\n`);
  });

  it("are copied verbatim into a generated probe, each once, in order", () => {
    const { cSource } = generateC(join(import.meta.dirname, "..", "kernel", "mutation.ts"));
    const at = ["base.h", "context-fields.h", "helpers.h", "packet.h", "checksum.h"].map((h) => {
      const text = runtimeHeader(h as (typeof RUNTIME_HEADERS)[number]);
      expect(cSource.split(text).length - 1).toBe(1);
      return cSource.indexOf(text);
    });
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});
