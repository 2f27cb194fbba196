// clang's complaints about generated C are reported at the TypeScript line the #line directives name.
import { writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { generateC } from "../../compiler/build.js";
import { DiagnosticError } from "../../compiler/diagnostics/diagnostic.js";
import { compileC } from "../../compiler/toolchain/clang.js";

it("a C error inside a statement is located at its TypeScript line", async () => {
  const probe = join(import.meta.dirname, "..", "..", "examples", "port-filter", "probe.ts");
  const { cSource } = generateC(probe);
  // break the C of line 13 (`const ip4 = eth.ipv4();`) as a compiler bug would
  const broken = cSource.replace(/struct tsbpf_hdr ip4 = (tsbpf_eth_ipv4\w*)\(eth, /, "struct tsbpf_hdr ip4 = $1(eth, 1, ");
  expect(broken).not.toBe(cSource);
  const dir = mkdtempSync(join(tmpdir(), "tsbpf-clang-"));
  try {
    writeFileSync(join(dir, "probe.bpf.c"), broken);
    const error = await compileC({ cFile: join(dir, "probe.bpf.c"), objectFile: join(dir, "probe.bpf.o"), cwd: join(probe, "..") }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiagnosticError);
    const d = (error as DiagnosticError).diagnostics[0]!;
    expect(d.code).toBe("TSBPF3002");
    expect(d.location).toMatchObject({ file: "examples/port-filter/probe.ts", line: 13 });
    expect(d.location?.lineText).toContain("const ip4 = eth.ipv4();");
    // clang's column is a column of the C: the location is the TypeScript statement, from its first non-blank character
    expect(d.location?.column).toBe(d.location!.lineText!.indexOf("const ip4") + 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it("clang's stack limit, past tsbpf's estimate, is one located sentence (TSBPF3004), not a clang dump", async () => {
  const probe = join(import.meta.dirname, "..", "kernel", "edges", "stack-at-limit.ts");
  const { cSource } = generateC(probe);
  // the estimate accepts 480 bytes; 504 would need more stack than clang can give (as a bigger local clang cannot keep in registers would)
  const bigger = cSource.replaceAll("480", "504");
  const dir = mkdtempSync(join(tmpdir(), "tsbpf-clang-"));
  try {
    writeFileSync(join(dir, "probe.bpf.c"), bigger);
    const error = await compileC({ cFile: join(dir, "probe.bpf.c"), objectFile: join(dir, "probe.bpf.o"), cwd: join(probe, "..") }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiagnosticError);
    const d = (error as DiagnosticError).diagnostics[0]!;
    expect(d.code).toBe("TSBPF3004");
    expect(d.message).not.toContain("tsbpf bug");
    expect(d.location?.lineText).toContain("static nearLimit(ctx: XdpContext)");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
