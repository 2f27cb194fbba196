// The system tools the loader drives (bpftool, ip, tc, mount): running them, and turning their absence or refusal into diagnostics.
import { execa } from "execa";
import { messages, type MessageTemplate } from "../diagnostics/catalogue.js";
import { DiagnosticError } from "../diagnostics/diagnostic.js";
import { hasCapability } from "./capabilities.js";

const PACKAGES: Record<string, string> = { bpftool: "bpftool", ip: "iproute2", tc: "iproute2", mount: "mount" };

/** Bytes as bpftool takes them after `key hex` / `value hex`, and back from its -j byte lists ("0x0a", ...). */
export const bpftoolHex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, "0"));
export const bpftoolBytes = (list: string[]) => Buffer.from(list.map((b) => parseInt(b, 16)));

export function fail(template: MessageTemplate): never {
  throw new DiagnosticError([{ ...template, severity: "error" }]);
}

export interface ToolResult {
  ok: boolean;
  stdout: string;
  stderr: string;
}

/** Runs a tool; a missing tool is a diagnostic, a failing one returns ok: false with its output. */
export async function tool(cmd: string, args: string[]): Promise<ToolResult> {
  const r = await execa(cmd, args, { reject: false });
  if ((r as { code?: string }).code === "ENOENT") fail(messages.toolMissing(cmd, PACKAGES[cmd] ?? cmd));
  return { ok: r.exitCode === 0, stdout: String(r.stdout ?? ""), stderr: String(r.stderr ?? "") };
}

/** bpftool -j ...: its JSON, or undefined. */
export async function bpftoolJson(args: string[]): Promise<unknown> {
  const r = await tool("bpftool", ["-j", ...args]);
  try {
    return JSON.parse(r.stdout);
  } catch {
    return undefined;
  }
}

/** The last meaningful line of a tool's complaint. */
export function lastLine(text: string): string {
  return text.trim().split("\n").filter((l) => l.trim() && !/^Warning: bpftool is now running in libbpf strict mode|^If it used to work/.test(l)).pop()?.trim() ?? "";
}

/** Loading and attaching need CAP_SYS_ADMIN and CAP_NET_ADMIN in effect (what root has), whatever the user id. */
export function requireRoot(): void {
  if (!hasCapability("SYS_ADMIN") || !hasCapability("NET_ADMIN")) fail(messages.notRoot());
}
