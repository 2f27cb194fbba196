// Odd characters in paths: a probe's own path refuses control characters in one sentence; an imported file's path, which
// only the #line directives carry, may hold anything.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { build, checkFile } from "../../compiler/build.js";
import { DiagnosticError } from "../../compiler/diagnostics/diagnostic.js";

const dir = mkdtempSync(join(tmpdir(), "tsbpf-paths-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const probe = (imports = "") => `${imports}
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    return ${imports ? "verdict(ctx.rxQueueIndex)" : "XdpAction.Pass"};
  }
}
`;

it("a probe whose name holds a carriage return is TSBPF9003, not a clang error", () => {
  const file = join(dir, "pro\rbe.ts");
  writeFileSync(file, probe());
  const error = (() => {
    try {
      checkFile(file);
    } catch (e) {
      return e;
    }
  })();
  expect(error).toBeInstanceOf(DiagnosticError);
  expect((error as DiagnosticError).diagnostics[0]).toMatchObject({ code: "TSBPF9003" });
  expect((error as DiagnosticError).diagnostics[0]!.message).toContain("carriage returns");
});

it("an imported file in a directory whose name holds a carriage return and a quote builds, clang silent", async () => {
  const odd = 'li\rb"s';
  mkdirSync(join(dir, odd));
  writeFileSync(join(dir, odd, "verdicts.ts"), "export function verdict(q: u32): XdpAction {\n  return q == 0 ? XdpAction.Pass : XdpAction.Drop;\n}\n");
  writeFileSync(join(dir, "main.ts"), probe(`import { verdict } from ${JSON.stringify(`./${odd}/verdicts`)};`));
  const result = await build(join(dir, "main.ts"), { outDir: join(dir, "out") });
  expect(result.clangWarnings).toBe("");
  expect(result.cSource).toContain('#line 2 "li\\015b\\"s/verdicts.ts"');
});
