// The capabilities this process has in effect, and whether they let it load programs the way root does (for load and build verification).
import { readFileSync } from "node:fs";

/** Capability numbers (include/uapi/linux/capability.h). */
export const CAP = { NET_ADMIN: 12, SYS_ADMIN: 21, PERFMON: 38, BPF: 39 } as const;
type CapName = keyof typeof CAP;

/** The effective set (CapEff in /proc/self/status); empty where there is no such file. */
function effectiveSet(): bigint {
  try {
    const eff = /^CapEff:\s*([0-9a-f]+)$/m.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
    return eff ? BigInt(`0x${eff}`) : 0n;
  } catch {
    return 0n;
  }
}

export function hasCapability(name: CapName): boolean {
  return ((effectiveSet() >> BigInt(CAP[name])) & 1n) === 1n;
}

/** Kernel program types (as bpftool names them) that the kernel lets only CAP_NET_ADMIN or CAP_SYS_ADMIN load. */
const NET_ADMIN_TYPES = new Set(["xdp", "classifier"]);

/**
 * Why this process cannot run the kernel verifier over programs of these kernel types as a root load would, or
 * undefined when it can. CAP_SYS_ADMIN is enough; otherwise CAP_BPF, with CAP_PERFMON (without it the verifier
 * is stricter than for root) and, for XDP and tc programs, CAP_NET_ADMIN.
 */
export function whyVerifierUnavailable(kernelTypes: readonly string[]): string | undefined {
  if (process.platform !== "linux") return `the kernel verifier runs on Linux, and this is ${process.platform}`;
  if (hasCapability("SYS_ADMIN")) return undefined;
  if (!hasCapability("BPF")) return "running the kernel verifier needs CAP_BPF or CAP_SYS_ADMIN, and this process has neither";
  if (!hasCapability("PERFMON")) return "this process has CAP_BPF but not CAP_PERFMON, without which the verifier judges programs more strictly than when root loads them";
  if (kernelTypes.some((t) => NET_ADMIN_TYPES.has(t)) && !hasCapability("NET_ADMIN")) return "verifying XDP and tc programs needs CAP_NET_ADMIN besides CAP_BPF, and this process does not have it";
  return undefined;
}
