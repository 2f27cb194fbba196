// The tsbpf executable: outputs of `build`, ELF sections, and clean failures (status, message, nothing written).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const example = join(root, "examples", "port-filter", "probe.ts");
const work = mkdtempSync(join(tmpdir(), "tsbpf-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function tsbpf(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(root, "bin", "tsbpf.js"), ...args], { cwd: root, encoding: "utf8", env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function sections(obj: string): string[] {
  const out = execFileSync("llvm-readelf", ["-S", "-W", obj], { encoding: "utf8" });
  return [...out.matchAll(/^\s*\[\s*\d+\]\s+(\S+)/gm)].map((m) => m[1]!);
}

function symbols(obj: string): string[] {
  return execFileSync("llvm-readelf", ["-s", "-W", obj], { encoding: "utf8" }).split("\n").map((l) => l.trim().split(/\s+/).pop()!);
}

describe("tsbpf build", () => {
  it("writes the C, the object and the manifest, with xdp/<method> sections, license and BTF", () => {
    const out = join(work, "default");
    const r = tsbpf(["build", example, "-o", out]);
    expect(r.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["probe.bpf.c", "probe.bpf.o", "probe.manifest.json"]);
    const secs = sections(join(out, "probe.bpf.o"));
    expect(secs).toEqual(expect.arrayContaining(["xdp/portFilter", "license", ".BTF", ".BTF.ext"]));
    expect(symbols(join(out, "probe.bpf.o"))).toContain("portFilter");
    const manifest = JSON.parse(readFileSync(join(out, "probe.manifest.json"), "utf8"));
    expect(manifest.programs).toEqual([expect.objectContaining({ name: "portFilter", type: "xdp", section: "xdp/portFilter", symbol: "portFilter", class: "PortFilter" })]);
    expect(manifest.object).toBe("probe.bpf.o");
    expect(manifest.license).toBe("GPL");
  });

  it("embeds the TypeScript source lines in the BTF line info", () => {
    const out = join(work, "lines");
    expect(tsbpf(["build", example, "-o", out]).status).toBe(0);
    const elf = readFileSync(join(out, "probe.bpf.o"));
    for (const line of ["const eth = ctx.eth();", "const ip4 = eth.ipv4();", "const tcp = ip4.tcp();"]) {
      expect(elf.includes(line), line).toBe(true);
    }
    // the function itself is placed in probe.ts too, so the line info names the TypeScript file throughout
    expect(readFileSync(join(out, "probe.bpf.c"), "utf8")).toMatch(/#line 10 "probe\.ts"\nSEC\("xdp\/portFilter"\)/);
    expect(readFileSync(join(out, "probe.bpf.c"), "utf8")).toContain('#line 16 "probe.ts"');
  });

  it("--sections libbpf uses the canonical section name with the method as the symbol", () => {
    const out = join(work, "libbpf");
    expect(tsbpf(["build", example, "-o", out, "--sections", "libbpf"]).status).toBe(0);
    const obj = join(out, "probe.bpf.o");
    expect(sections(obj)).toContain("xdp");
    expect(sections(obj)).not.toContain("xdp/portFilter");
    expect(symbols(obj)).toContain("portFilter");
    expect(JSON.parse(readFileSync(join(out, "probe.manifest.json"), "utf8")).programs[0].section).toBe("xdp");
  });

  it("--emit-c prints the generated C", () => {
    const r = tsbpf(["build", example, "-o", join(work, "emit"), "--emit-c"]);
    expect(r.stdout).toContain('SEC("xdp/portFilter") int portFilter(struct xdp_md *ctx)');
  });

  it("rejects a bad probe with located diagnostics, status 1, no stack trace and no files", () => {
    const out = join(work, "bad");
    const r = tsbpf(["build", join(root, "test", "errors", "integer-rules.ts"), "-o", out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/integer-rules\.ts:2:21 - error TSBPF1101: the constant 256 does not fit in u8\./);
    expect(r.stderr).toContain("Found 7 errors.");
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(out)).toBe(false);
  });

  it("reports a missing file, an unknown flag and a missing clang in one sentence each", () => {
    const missing = tsbpf(["build", "nope.ts", "-o", join(work, "missing")]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("TSBPF9001: cannot read nope.ts: no such file.");

    const dir = tsbpf(["check", work]);
    expect(dir.status).toBe(1);
    expect(dir.stderr).toContain("TSBPF9002");

    const notTs = tsbpf(["check", join(root, "README.md")]);
    expect(notTs.status).toBe(1);
    expect(notTs.stderr).toContain("TSBPF9003");

    const flag = tsbpf(["build", example, "--bogus"]);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain("unknown option '--bogus'");

    const out = join(work, "noclang");
    const noClang = tsbpf(["build", example, "-o", out], { TSBPF_CLANG: "/nonexistent/clang" });
    expect(noClang.status).toBe(1);
    expect(noClang.stderr).toContain("TSBPF3001: clang was not found");
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it("check accepts the examples and writes nothing", () => {
    const r = tsbpf(["check", example]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/ok \(portFilter: about [\d,]+ verifier steps\)/);
  });
});
