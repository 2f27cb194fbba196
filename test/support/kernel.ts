// Kernel access for tests: whether BPF is usable here, and objects loaded into a private bpffs and run with BPF_PROG_TEST_RUN.
import { CLANG_FLAGS } from "../../compiler/toolchain/clang.js";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa, execaSync } from "execa";
import { describe, it } from "vitest";

// The loader itself is product code now (compiler/loader/sandbox.ts); re-exported for the existing tests.
export { BpfLoadError, loadObject, PrivateBpffs } from "../../compiler/loader/sandbox.js";
export type { LoadedObject, LoadOptions, ProgramInfo, RawMapEntry, RunResult } from "../../compiler/loader/sandbox.js";

/** XDP verdicts as BPF_PROG_TEST_RUN reports them (enum xdp_action). */
export const XdpVerdict = { Aborted: 0, Drop: 1, Pass: 2, Tx: 3, Redirect: 4 } as const;
/** tc verdicts (TC_ACT_*, include/uapi/linux/pkt_cls.h). */
export const TcVerdict = { Ok: 0, Reclassify: 1, Shot: 2, Pipe: 3, Stolen: 4, Redirect: 7 } as const;

export interface KernelStatus { ok: boolean; reason?: string }

let status: KernelStatus | undefined;

/** Whether kernel tests can run: root, bpftool, clang, util-linux, the bpf() syscall and a bpffs mount. Probed once per process. */
export function kernelStatus(): KernelStatus {
  status ??= probeKernel();
  return status;
}

function probeKernel(): KernelStatus {
  if (process.env.TSBPF_NO_KERNEL) return { ok: false, reason: "TSBPF_NO_KERNEL is set" };
  if (process.platform !== "linux") return { ok: false, reason: `BPF needs Linux, this is ${process.platform}` };
  if (process.getuid?.() !== 0) return { ok: false, reason: "not running as root (loading BPF programs needs CAP_SYS_ADMIN)" };
  const tools: [string, string[], string][] = [["bpftool", ["version"], "bpftool"], ["clang", ["--version"], "clang"], ["unshare", ["--version"], "util-linux"], ["nsenter", ["--version"], "util-linux"]];
  for (const [cmd, args, pkg] of tools) {
    if (execaSync(cmd, args, { reject: false }).failed) return { ok: false, reason: `${cmd} is missing (install ${pkg}, e.g. with make deps)` };
  }
  const list = execaSync("bpftool", ["-j", "prog", "list"], { reject: false });
  if (list.failed) return { ok: false, reason: `the bpf() syscall is not usable: ${oneLine(list.stderr || list.stdout)}` };
  const dir = mkdtempSync(join(tmpdir(), "tsbpf-probe-"));
  try {
    const m = execaSync("unshare", ["--mount", "--propagation", "private", "mount", "-t", "bpf", "bpf", dir], { reject: false });
    if (m.failed) return { ok: false, reason: `cannot mount a bpffs: ${oneLine(m.stderr)}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { ok: true };
}

const oneLine = (s: string) => s.trim().split("\n").pop() ?? "";

/**
 * A describe() whose tests need the kernel. When the kernel is not usable it is skipped with a message,
 * except on CI (CI=true), where it becomes one failing test that gives the reason.
 */
export function describeKernel(name: string, fn: () => void): void {
  const s = kernelStatus();
  if (s.ok) {
    describe(name, { timeout: 60_000 }, fn);
    return;
  }
  if (process.env.CI === "true") {
    describe(name, () => {
      it("can use the kernel", () => {
        throw new Error(`kernel tests cannot run: ${s.reason} (CI=true, so this is a failure, not a skip)`);
      });
    });
    return;
  }
  console.warn(`tsbpf: skipping kernel tests "${name}": ${s.reason} (with CI=true this would fail).`);
  describe.skip(name, fn);
}

/** Compiles one C file for the BPF target with tsbpf's own clang flags. */
export async function compileBpfC(cFile: string, objFile: string, extraArgs: string[] = [], cwd?: string): Promise<void> {
  const r = await execa("clang", [...CLANG_FLAGS, ...extraArgs, "-c", cFile, "-o", objFile], { reject: false, cwd });
  if (r.failed) throw new Error(`clang could not compile ${cFile}:\n${r.stderr}`);
}
