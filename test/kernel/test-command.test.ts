// tsbpf test: a pcap's frames through examples/port-filter in the kernel, verdict lines, the output pcap, and clean input errors.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, expect, it, vi } from "vitest";
import { registerTestCommand } from "../../compiler/cli/test-command.js";
import { DiagnosticError } from "../../compiler/diagnostics/diagnostic.js";
import { eth, readPcap, writePcap } from "../../compiler/testing/index.js";
import { describeKernel } from "../support/kernel.js";

const root = join(import.meta.dirname, "..", "..");
const probe = join(root, "examples", "port-filter", "probe.ts");
const work = mkdtempSync(join(tmpdir(), "tsbpf-test-command-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const frames = [
  eth().ipv4().tcp({ dport: 7777 }).build(),
  eth().ipv4().udp({ dport: 53 }).build(),
  eth().ipv6().udp({ dport: 7777 }).build(),
  eth().arp().build(),
];
const expected = [
  `#1 ${frames[0]!.length} bytes → Drop (1)`,
  `#2 ${frames[1]!.length} bytes → Pass (2)`,
  `#3 ${frames[2]!.length} bytes → Drop (1)`,
  `#4 ${frames[3]!.length} bytes → Pass (2)`,
  "4 packets through portFilter: 2 Drop, 2 Pass",
];

/** Runs `tsbpf test <args>` in this process through a fresh commander program, capturing what it prints. */
async function tsbpfTest(args: string[]): Promise<string[]> {
  const lines: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void lines.push(a.join(" ")));
  try {
    const cmd = new Command("tsbpf").exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {} });
    registerTestCommand(cmd);
    await cmd.parseAsync(["test", ...args], { from: "user" });
    return lines;
  } finally {
    log.mockRestore();
  }
}

/** The diagnostic a failing `tsbpf test` threw. */
async function inputError(args: string[]): Promise<{ code: string; message: string }> {
  const e = await tsbpfTest(args).then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(DiagnosticError);
  const [d] = (e as DiagnosticError).diagnostics;
  return { code: d!.code, message: d!.message };
}

/** Whether bin/tsbpf.js has the test subcommand yet (compiler/cli/main.ts wires it). */
function binHasTestCommand(): boolean {
  const r = spawnSync(process.execPath, [join(root, "bin", "tsbpf.js"), "test", "--help"], { cwd: root, encoding: "utf8" });
  return r.status === 0 && r.stdout.includes("--pcap");
}

describeKernel("tsbpf test", () => {
  const input = join(work, "in.pcap");
  writePcap(input, frames);

  it("prints one verdict line per frame and a summary, and writes the output frames", async () => {
    const output = join(work, "out.pcap");
    const lines = await tsbpfTest([probe, "--pcap", input, "--out", output]);
    expect(lines).toEqual([...expected, `wrote 4 frames to ${output}`]);
    const written = readPcap(readFileSync(output));
    expect(written).toHaveLength(4);
    written.forEach((f, i) => expect(f.equals(frames[i]!)).toBe(true));
  });

  it("runs the program named with --prog", async () => {
    const lines = await tsbpfTest([probe, "--pcap", input, "--prog", "portFilter"]);
    expect(lines).toEqual(expected);
  });

  it("a pcap that does not exist is one clear sentence", async () => {
    const missing = join(work, "nope.pcap");
    expect(await inputError([probe, "--pcap", missing])).toEqual({ code: "TSBPF9005", message: `cannot read ${missing}: no such file.` });
  });

  it("a text file is not a pcap", async () => {
    const text = join(work, "notes.txt");
    writeFileSync(text, "these are not the packets you are looking for\n");
    const d = await inputError([probe, "--pcap", text]);
    expect(d.code).toBe("TSBPF9005");
    expect(d.message).toMatch(new RegExp(`^cannot use ${text}: not a pcap file \\(.*\\)\\.$`));
  });

  it("an unknown --prog names the programs there are", async () => {
    expect(await inputError([probe, "--pcap", input, "--prog", "nope"])).toEqual({ code: "TSBPF9005", message: "the probe has no program 'nope'; it has portFilter." });
  });

  it("a probe mixing program kinds is one clear sentence", async () => {
    const mixed = join(work, "mixed.ts");
    writeFileSync(mixed, "export class Mixed {\n  @xdp\n  static a(ctx: XdpContext): XdpAction { return XdpAction.Pass; }\n  @tc\n  static b(ctx: TcContext): TcAction { return TcAction.Ok; }\n}\n");
    const d = await inputError([mixed, "--pcap", input]);
    expect(d.code).toBe("TSBPF9005");
    expect(d.message).toMatch(/mixes program kinds \(a \(xdp\), b \(tc\)\)/);
  });

  it.skipIf(!binHasTestCommand())("bin/tsbpf.js test prints the same, and exits 1 on a missing pcap", () => {
    const output = join(work, "bin-out.pcap");
    const ok = spawnSync(process.execPath, [join(root, "bin", "tsbpf.js"), "test", probe, "--pcap", input, "--out", output], { cwd: root, encoding: "utf8" });
    expect(ok.status).toBe(0);
    expect(ok.stdout.trim().split("\n")).toEqual([...expected, `wrote 4 frames to ${output}`]);
    expect(readPcap(readFileSync(output))).toHaveLength(4);
    const missing = spawnSync(process.execPath, [join(root, "bin", "tsbpf.js"), "test", probe, "--pcap", join(work, "nope.pcap")], { cwd: root, encoding: "utf8" });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("TSBPF9005: cannot read");
  });
});
