// What tsbpf build prints about the kernel verifier: each program's size and verifier work against the budget, or why it did not run.
import type { BuildVerification } from "../loader/build-verification.js";

const count = (x: number) => x.toLocaleString("en-US");

/** "xdp/portFilter: 480 instructions, verifier processed 43,061 of 1,000,000", one line per program; or the one line saying why not. */
export function verificationReport(v: BuildVerification): string[] {
  if (!v.verified) return [`verification skipped: ${v.skipped} (--no-verify skips it silently)`];
  return v.programs.map((p) => {
    const label = p.section.endsWith(`/${p.name}`) ? p.section : `${p.section} (${p.name})`;
    return `${label}: ${count(p.instructions)} instructions, verifier processed ${count(p.processed)} of ${count(v.limit)}`;
  });
}
