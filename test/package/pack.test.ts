// What `npm pack` ships works in an empty project: installed from the tarball, `tsbpf check` and `tsbpf build` compile a probe and the API imports.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const work = mkdtempSync(join(tmpdir(), "tsbpf-pack-"));
const project = join(work, "project");
afterAll(() => rmSync(work, { recursive: true, force: true }));

const PROBE = `export class Guard {
  @xdp
  static guard(ctx: XdpContext): XdpAction {
    const udp = ctx.eth()?.ipv4()?.udp();
    if (!udp) return XdpAction.Pass;
    return udp.dport == 7777 ? XdpAction.Drop : XdpAction.Pass;
  }
}
`;

const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { cwd: project, encoding: "utf8" });

describe("the npm package", () => {
  let tarball = "";
  beforeAll(() => {
    // dist/ is built by `make test`; packing without scripts keeps this test from rebuilding it under the others
    expect(existsSync(join(root, "dist", "compiler", "cli", "main.js"))).toBe(true);
    const out = execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], { cwd: root, encoding: "utf8" });
    tarball = join(work, (JSON.parse(out) as { filename: string }[])[0]!.filename);
    execFileSync("mkdir", ["-p", project]);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "empty-project", version: "1.0.0", type: "module", private: true }));
    execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", tarball], { cwd: project, encoding: "utf8" });
    writeFileSync(join(project, "probe.ts"), PROBE);
  }, 300_000);

  it("ships the compiled compiler, the ambient types and the native sources", () => {
    const listed = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).trim().split("\n");
    for (const f of ["package/bin/tsbpf.js", "package/dist/compiler/cli/main.js", "package/dist/compiler/index.js", "package/dist/compiler/index.d.ts", "package/runtime-types/ints.d.ts", "package/native/verify.c"]) expect(listed).toContain(f);
    expect(listed.some((f) => f.startsWith("package/test/"))).toBe(false);
  });

  it("tsbpf check accepts a probe in the empty project", () => {
    const r = run(join(project, "node_modules", ".bin", "tsbpf"), ["check", "probe.ts"]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^probe\.ts: ok \(guard: about [\d,]+ verifier steps\)$/m);
    expect(r.status).toBe(0);
  });

  it("tsbpf build writes the object, its C and its manifest", () => {
    const r = run(join(project, "node_modules", ".bin", "tsbpf"), ["build", "probe.ts", "-o", "out", "--no-verify"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(readdirSync(join(project, "out")).sort()).toEqual(["probe.bpf.c", "probe.bpf.o", "probe.manifest.json"]);
  });

  it("the API and tsbpf/testing import from the installed package", () => {
    const r = run(process.execPath, ["--input-type=module", "-e", 'const t = await import("tsbpf"); const u = await import("tsbpf/testing"); console.log(typeof t.build, typeof u.loadProgram);']);
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe("function function");
  });
});
