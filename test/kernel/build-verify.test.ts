// tsbpf build runs the kernel verifier: figures that agree with bpftool, located rejections that name the limit, skips, and the same from Node and tsbpf/testing.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../compiler/build.js";
import { DiagnosticError } from "../../compiler/diagnostics/diagnostic.js";
import { eth, loadProgram, ProbeDiagnosticError, writePcap } from "../../compiler/testing/index.js";
import { CliSandbox } from "../support/cli-sandbox.js";
import { BpfLoadError, describeKernel, loadObject, PrivateBpffs } from "../support/kernel.js";

const root = join(import.meta.dirname, "..", "..");
const example = join(root, "examples", "port-filter", "probe.ts");
const budget = join(import.meta.dirname, "verify-budget.ts");
const bigMap = join(import.meta.dirname, "verify-big-map.ts");
const margin = join(import.meta.dirname, "verify-margin.ts");
const work = mkdtempSync(join(tmpdir(), "tsbpf-build-verify-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the tsbpf executable; with dropCaps, without any capability (as an ordinary user would; still uid 0). */
function tsbpf(args: string[], opts: { dropCaps?: boolean } = {}) {
  const node = [process.execPath, join(root, "bin", "tsbpf.js"), ...args];
  const [cmd, ...rest] = opts.dropCaps ? ["setpriv", "--inh-caps=-all", "--ambient-caps=-all", "--bounding-set=-all", ...node] : node;
  const r = spawnSync(cmd!, rest, { cwd: root, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const filesIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);
const fixtureLines = (file: string) => readFileSync(file, "utf8").split("\n");
const FIGURES = /^xdp\/(\w+): ([\d,]+) instructions, verifier processed ([\d,]+) of 1,000,000$/m;
const count = (s: string) => Number(s.replaceAll(",", ""));

/** Loads an object with bpftool -d, which has the kernel log its statistics: what the verifier processed, and the translated size. */
async function loadWithVerifierLog(objectFile: string, program: string): Promise<{ processed: number; xlatedBytes: number }> {
  const fs = new PrivateBpffs();
  await fs.start();
  try {
    const progs = join(fs.mountPoint, "progs");
    const load = await fs.exec("bpftool", ["-d", "prog", "loadall", objectFile, progs, "type", "xdp"]);
    expect(load.exitCode).toBe(0);
    const stats = [...String(load.stderr).matchAll(/^processed (\d+) insns \(limit/gm)];
    expect(stats).toHaveLength(1);
    const show = JSON.parse(String((await fs.exec("bpftool", ["-j", "prog", "show", "pinned", join(progs, program)])).stdout)) as { bytes_xlated: number };
    return { processed: Number(stats[0]![1]), xlatedBytes: show.bytes_xlated };
  } finally {
    await fs.stop();
  }
}

/** The line that declares the fixture's map, from the fixture's text. */
const declared = fixtureLines(bigMap).findIndex((l) => l.includes("new HashMap")) + 1;

/** The verifier's own log for an object built without verification, from bpftool's load of it. */
async function verifierLogOf(objectFile: string): Promise<string> {
  const error = await loadObject(objectFile, { type: "xdp" }).then(async (obj) => void (await obj.close()), (e: unknown) => e);
  expect(error).toBeInstanceOf(BpfLoadError);
  return (error as BpfLoadError).log;
}

/** The line the log quotes last (the one the verifier was at when it gave up), read without tsbpf's parser. */
const lastQuotedLine = (log: string, file: string) => Number([...log.matchAll(new RegExp(`@ ${file.replace(".", "\\.")}:(\\d+)$`, "gm"))].pop()?.[1]);

describeKernel("tsbpf build runs the kernel verifier", () => {
  it("prints each program's size and verifier work, the figures of the same object loaded by bpftool", async () => {
    const out = join(work, "figures");
    const r = tsbpf(["build", example, "-o", out]);
    expect(r.status).toBe(0);
    const m = FIGURES.exec(r.stdout);
    expect(m, r.stdout).not.toBeNull();
    const [, name, insns, processed] = m!;
    expect(name).toBe("portFilter");
    expect(count(insns!)).toBeGreaterThan(0);
    expect(count(processed!)).toBeGreaterThan(0);
    expect(count(processed!)).toBeLessThanOrEqual(1_000_000);
    const loaded = await loadWithVerifierLog(join(out, "probe.bpf.o"), "portFilter");
    expect(count(processed!)).toBe(loaded.processed);
    expect(count(insns!)).toBe(loaded.xlatedBytes / 8);
  });

  it("lets the kernel decide a program whose estimate is within 8 times the budget: check refuses it, a privileged build verifies it", () => {
    const checked = tsbpf(["check", margin]);
    expect(checked.status).toBe(1);
    expect(checked.stderr).toMatch(/verify-margin\.ts:5:5 - error TSBPF1090: program 'close' would take the kernel verifier about [\d,]+ steps, and it can need up to 8 times the estimate, more than its budget of 1,000,000; /);
    const r = tsbpf(["build", margin, "-o", join(work, "margin")]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const m = FIGURES.exec(r.stdout);
    expect(m, r.stdout).not.toBeNull();
    expect(m![1]).toBe("close");
    expect(count(m![3]!)).toBeLessThanOrEqual(1_000_000);
  });

  describe("a probe past the verifier's budget", () => {
    let log = "";
    beforeAll(async () => {
      // compiled whatever check's estimate says, as a build the kernel decides compiles it
      const out = join(work, "budget-unverified");
      const built = await build(budget, { outDir: out, kernelDecides: true });
      log = await verifierLogOf(built.objectFile);
    });

    it("--no-verify leaves check's estimate to decide: TSBPF1090 where the work multiplies, exit 1, nothing written", () => {
      const out = join(work, "budget-estimated");
      const r = tsbpf(["build", budget, "-o", out, "--no-verify"]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/verify-budget\.ts:\d+:\d+ - error TSBPF1090: program 'paths' would take the kernel verifier about [\d,]+ steps, more than its budget of 1,000,000; /);
      expect(r.stderr).not.toMatch(/verification|TSBPF4001/);
      expect(existsSync(out) ? filesIn(out) : []).toEqual([]);
    });

    it("is TSBPF4001 at the line the verifier's log quotes, naming the budget; exit 1 and nothing written", () => {
      const out = join(work, "budget");
      const r = tsbpf(["build", budget, "-o", out]);
      expect(r.status).toBe(1);
      const m = /verify-budget\.ts:(\d+):(\d+) - error TSBPF4001: the kernel verifier rejected program 'paths': the verifier's budget of 1,000,000 processed instructions was exceeded; /.exec(r.stderr);
      expect(m, r.stderr).not.toBeNull();
      const line = Number(m![1]);
      expect(line).toBe(lastQuotedLine(log, "verify-budget.ts"));
      const text = fixtureLines(budget)[line - 1]!;
      expect(text).toMatch(/ctx\.eth\(\)\?\.ipv4\(\)\?\.udp\(\)|sum \+= u\d+\.dport/);
      expect(r.stderr).toContain(`${line} ${text}\n`);
      expect(Number(m![2])).toBe(text.search(/\S/) + 1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(filesIn(out)).toEqual([]);
    });

    it("without privileges one line says verification was skipped and why, and check's estimate decides", () => {
      const out = join(work, "budget-unprivileged");
      const r = tsbpf(["build", budget, "-o", out], { dropCaps: true });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/error TSBPF1090: program 'paths'/);
      const fine = tsbpf(["build", example, "-o", join(work, "example-unprivileged")], { dropCaps: true });
      expect(fine.stderr).toBe("");
      expect(fine.status).toBe(0);
      const lines = fine.stdout.trim().split("\n");
      expect(lines).toHaveLength(2);
      expect(lines[1]).toBe("verification skipped: running the kernel verifier needs CAP_BPF or CAP_SYS_ADMIN, and this process has neither (--no-verify skips it silently)");
      expect(filesIn(join(work, "example-unprivileged"))).toEqual(["probe.bpf.c", "probe.bpf.o", "probe.manifest.json"]);
    });

    it("loadProgram throws the located diagnostic as its message, and carries it", async () => {
      const error = await loadProgram(budget).then(async (p) => void (await p.close()), (e: unknown) => e);
      expect(error).toBeInstanceOf(ProbeDiagnosticError);
      const e = error as ProbeDiagnosticError;
      expect(e.diagnostics).toHaveLength(1);
      expect(e.diagnostics[0]).toMatchObject({ code: "TSBPF4001", location: { line: lastQuotedLine(log, "verify-budget.ts") } });
      expect(e.message).toMatch(/verify-budget\.ts:\d+:5 - error TSBPF4001: the kernel verifier rejected program 'paths': the verifier's budget of 1,000,000/);
      expect(e.message).toMatch(/\n\d+ {5}(const u\d+ = ctx\.eth\(\)\?\.ipv4\(\)\?\.udp\(\);|if \(u\d+\) sum \+= u\d+\.dport;)\n\s+\^~+/);
      expect(e.message).not.toContain("processed 1000001 insns");
    });

    it("tsbpf test prints it located, exit 1", () => {
      const pcap = join(work, "one.pcap");
      writePcap(pcap, [eth().ipv4().udp().build()]);
      const r = tsbpf(["test", budget, "--pcap", pcap]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/verify-budget\.ts:\d+:5 - error TSBPF4001: .*budget of 1,000,000 processed instructions/);
    });
  });

  describe("a map too large for the kernel to allocate", () => {
    const sentence = "TSBPF4011: map 'big' (a HashMap of 268,435,456 entries) is too large for the kernel to allocate (E2BIG: Argument list too long); declare it with fewer entries.";

    it("build: one sentence with its name, at its declaration; exit 1, nothing written", () => {
      const out = join(work, "big-map");
      const r = tsbpf(["build", bigMap, "-o", out]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`verify-big-map.ts:${declared}:1 - error ${sentence}`);
      expect(r.stderr).not.toContain("libbpf");
      expect(filesIn(out)).toEqual([]);
    });

    it("loadProgram: the same sentence", async () => {
      const error = await loadProgram(bigMap).then(async (p) => void (await p.close()), (e: unknown) => e);
      expect(error).toBeInstanceOf(ProbeDiagnosticError);
      expect((error as ProbeDiagnosticError).message).toContain(`verify-big-map.ts:${declared}:1 - error ${sentence}`);
    });
  });

  describe("from Node", () => {
    it("build() verifies only when asked; \"auto\" gives the figures", async () => {
      const plain = await build(example, { outDir: join(work, "node-plain") });
      expect(plain.verification).toBeUndefined();
      const auto = await build(example, { outDir: join(work, "node-auto"), verify: "auto" });
      expect(auto.verification).toMatchObject({ verified: true, limit: 1_000_000, programs: [{ name: "portFilter", section: "xdp/portFilter" }] });
      const [p] = auto.verification!.verified ? auto.verification!.programs : [];
      expect(p!.instructions).toBeGreaterThan(0);
      expect(p!.processed).toBeGreaterThan(0);
    });

    it("a rejection is a DiagnosticError and writes nothing", async () => {
      const out = join(work, "node-budget");
      const error = await build(budget, { outDir: out, verify: true }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DiagnosticError);
      expect((error as DiagnosticError).diagnostics[0]).toMatchObject({ code: "TSBPF4001", message: expect.stringContaining("budget of 1,000,000") });
      expect(filesIn(out)).toEqual([]);
    });

    it("verify: true where the verifier cannot run is TSBPF4012; \"auto\" skips with the reason", () => {
      const script = `
        import { build } from "tsbpf";
        const auto = await build(${JSON.stringify(example)}, { outDir: ${JSON.stringify(join(work, "node-caps-auto"))}, verify: "auto" });
        console.log(JSON.stringify(auto.verification));
        await build(${JSON.stringify(example)}, { outDir: ${JSON.stringify(join(work, "node-caps-true"))}, verify: true }).catch((e) => console.log(e.diagnostics[0].code));
      `;
      const r = spawnSync("setpriv", ["--inh-caps=-all", "--ambient-caps=-all", "--bounding-set=-all", process.execPath, "--input-type=module", "-e", script], { cwd: root, encoding: "utf8" });
      expect(r.stderr).toBe("");
      const [auto, code] = r.stdout.trim().split("\n");
      expect(JSON.parse(auto!)).toEqual({ verified: false, skipped: "running the kernel verifier needs CAP_BPF or CAP_SYS_ADMIN, and this process has neither" });
      expect(code).toBe("TSBPF4012");
      expect(filesIn(join(work, "node-caps-true"))).toEqual([]);
    });
  });
});

describeKernel("tsbpf load reports a rejection and a map too large the same way", () => {
  const box = new CliSandbox();
  beforeAll(() => box.start());
  afterAll(() => box.close());

  it("a map too large: the sentence at its declaration, nothing attached", async () => {
    const r = await box.tsbpf(["load", bigMap, "--iface", box.iface]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`verify-big-map.ts:${declared}:1 - error TSBPF4011: map 'big' (a HashMap of 268,435,456 entries) is too large for the kernel to allocate`);
    expect((await box.tsbpf(["status"])).stdout.trim()).toBe("nothing loaded by tsbpf");
  });

  it("past the budget: TSBPF4001 naming the limit, at the probe's line", async () => {
    const r = await box.tsbpf(["load", budget, "--iface", box.iface]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/verify-budget\.ts:\d+:5 - error TSBPF4001: the kernel verifier rejected program 'paths': the verifier's budget of 1,000,000 processed instructions was exceeded/);
    expect((await box.tsbpf(["status"])).stdout.trim()).toBe("nothing loaded by tsbpf");
  });
});
