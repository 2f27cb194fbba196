// The license a build gives its object, against the helpers it calls: the kernel refuses a GPL-only helper under a license it does not count as GPL-compatible.
import { messages } from "../diagnostics/catalogue.js";
import { DiagnosticError, type Diagnostic } from "../diagnostics/diagnostic.js";
import { nodeLocation } from "../frontend/location.js";
import { KERNEL_HELPERS } from "../helpers/kernel-helpers.js";
import type { CheckFacts } from "./facts.js";

/** The strings the kernel's license_is_gpl_compatible() accepts, compared exactly. */
export const GPL_COMPATIBLE_LICENSES = ["GPL", "GPL v2", "GPL and additional rights", "Dual BSD/GPL", "Dual MIT/GPL", "Dual MPL/GPL"] as const;

export function isGplCompatible(license: string): boolean {
  return (GPL_COMPATIBLE_LICENSES as readonly string[]).includes(license);
}

/** Throws a located diagnostic for each call of a GPL-only kernel helper when the license is not GPL-compatible. */
export function checkLicense(cx: Pick<CheckFacts, "kernelHelperCalls">, license: string): void {
  if (isGplCompatible(license)) return;
  const found: Diagnostic[] = cx.kernelHelperCalls
    .filter((c) => KERNEL_HELPERS[c.kernel]?.gplOnly)
    .map((c) => ({ ...messages.gplOnlyHelper(c.what, `bpf_${c.kernel}`, license), severity: "error", location: nodeLocation(c.node) }));
  if (found.length) throw new DiagnosticError(found);
}
