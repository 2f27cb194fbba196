// The small libbpf programs under native/, compiled with clang into dist/native/ on first use (or by `make build`).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { execaSync } from "execa";
import { projectRoot } from "../frontend/runtime-types.js";

/** The native tools by binary name, with their source under native/. */
export const NATIVE_TOOLS = {
  "tsbpf-ringbuf-reader": "ringbuf-reader.c",
  "tsbpf-verify": "verify.c",
} as const;
export type NativeTool = keyof typeof NATIVE_TOOLS;

/** The absolute path of a native tool, compiled first if it is missing or older than its source. */
export function nativeToolPath(tool: NativeTool): string {
  const top = projectRoot();
  const source = join(top, "native", NATIVE_TOOLS[tool]);
  const out = join(top, "dist", "native", tool);
  if (existsSync(out) && statSync(out).mtimeMs >= statSync(source).mtimeMs) return out;
  mkdirSync(dirname(out), { recursive: true });
  // Compile under a private name and rename: a concurrent caller sees the old binary, or none, or the whole new one.
  const tmp = `${out}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
  try {
    const r = execaSync("clang", ["-O2", "-Wall", "-o", tmp, source, "-lbpf"], { reject: false, all: true });
    if ((r as { code?: string }).code === "ENOENT") throw new Error(`cannot build ${tool}: clang is not installed (make deps installs it)`);
    if (r.failed) {
      const output = String(r.all ?? r.stderr ?? "").trim();
      if (/bpf\/\w+\.h['"]? file not found/.test(output)) throw new Error(`cannot build ${tool}: the libbpf headers (bpf/libbpf.h) are missing; install libbpf-dev (make deps installs it)`);
      if (/cannot find -lbpf/.test(output)) throw new Error(`cannot build ${tool}: the libbpf library (-lbpf) is missing; install libbpf-dev (make deps installs it)`);
      throw new Error(`cannot build ${tool}: clang failed on ${source}:\n${output || r.shortMessage}`);
    }
    renameSync(tmp, out);
  } finally {
    rmSync(tmp, { force: true });
  }
  return out;
}

/** Builds every native tool (for `make build`); prints where each is. */
export function buildNativeTools(): string[] {
  return (Object.keys(NATIVE_TOOLS) as NativeTool[]).map(nativeToolPath);
}
