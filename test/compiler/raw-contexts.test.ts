// The context structs tsbpf declares must match the kernel's UAPI header field for field: clang checks every offset and the size.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { expect, it } from "vitest";
import { RAW_CONTEXTS, rawContextC } from "../../compiler/programs/raw-contexts.js";
import { printTopLevel } from "../../compiler/c/printer.js";

const header = "/usr/include/linux/bpf.h";

it.each(RAW_CONTEXTS.map((r) => [r.cTag, r]))("struct %s has the layout of linux/bpf.h", async (_, r) => {
  const dir = mkdtempSync(join(tmpdir(), "tsbpf-ctx-"));
  try {
    const ours = printTopLevel([rawContextC(r)]).replace(`struct ${r.cTag} {`, `struct ours_${r.cTag} {`);
    const checks = r.fields.filter((f) => f.name).map((f) => `_Static_assert(offsetof(struct ours_${r.cTag}, ${f.name}) == offsetof(struct ${r.cTag}, ${f.name}), "offset of ${f.name}");`);
    const src = [`#include <linux/bpf.h>`, `#include <stddef.h>`, "typedef unsigned char __u8_;", ours, ...checks, `_Static_assert(sizeof(struct ours_${r.cTag}) == sizeof(struct ${r.cTag}), "size");`, ""].join("\n");
    writeFileSync(join(dir, "layout.c"), src);
    const res = await execa("clang", ["-fsyntax-only", join(dir, "layout.c")], { reject: false });
    expect(res.stderr).toBe("");
    expect(res.exitCode).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it("the system header is there to compare with (libbpf-dev/linux-libc-dev)", async () => {
  expect((await execa("test", ["-f", header], { reject: false })).exitCode).toBe(0);
});
