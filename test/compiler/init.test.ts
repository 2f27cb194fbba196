// tsbpf init: the tsconfig.json it writes makes plain tsc (what an editor runs) check probes against runtime-types/.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { checkFile } from "../../compiler/build.js";
import { DiagnosticError } from "../../compiler/diagnostics/diagnostic.js";
import { initProject } from "../../compiler/project/init.js";

const tsc = join(import.meta.dirname, "..", "..", "node_modules", ".bin", "tsc");
let dir = "";
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function runTsc(project: string) {
  return spawnSync(tsc, ["--noEmit", "-p", project], { encoding: "utf8" });
}

it("writes a project whose example probe passes tsc and tsbpf check", () => {
  dir = mkdtempSync(join(tmpdir(), "tsbpf-init-"));
  expect(initProject(dir).map((f) => f.slice(dir.length + 1)).sort()).toEqual(["probe.ts", "tsconfig.json"]);
  const r = runTsc(dir);
  expect(r.stdout + r.stderr).toBe("");
  expect(r.status).toBe(0);
  expect(checkFile(join(dir, "probe.ts")).programs.map((p) => p.name)).toEqual(["dropSsh"]);
});

it("makes tsc report narrowing and unknown names in a wrong probe, as an editor would", () => {
  dir = mkdtempSync(join(tmpdir(), "tsbpf-init-"));
  initProject(dir);
  writeFileSync(
    join(dir, "wrong.ts"),
    `export class W {\n  @xdp\n  static w(ctx: XdpContext): XdpAction {\n    const tcp = ctx.eth()?.ipv4()?.tcp();\n    if (!tcp) return XdpAction.Pass;\n    const low: u8 = tcp.dport;\n    return tcp.nope ? XdpAction.Drop : XdpAction.Pass;\n  }\n}\n`,
  );
  const r = runTsc(dir);
  expect(r.status).not.toBe(0);
  expect(r.stdout).toMatch(/wrong\.ts\(6,11\): error TS2322: Type 'u16' is not assignable to type 'u8'/);
  expect(r.stdout).toMatch(/wrong\.ts\(7,16\): error TS2339: Property 'nope' does not exist on type 'Tcp'/);
});

it("refuses to overwrite an existing project", () => {
  dir = mkdtempSync(join(tmpdir(), "tsbpf-init-"));
  initProject(dir);
  expect(() => initProject(dir)).toThrow(DiagnosticError);
});
