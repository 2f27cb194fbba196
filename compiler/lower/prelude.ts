// The fixed C every probe starts with (fixed-width types, SEC, the contexts of its program kinds) and the arithmetic helpers lowering may ask for.
import { RAW_READ_RUNTIME } from "./intrinsics/packet.js";
import { CONTEXT_FIELD_RUNTIME } from "./context-fields.js";
import { HAVOC_RUNTIME } from "./havoc.js";
import { PROGRAM_KINDS, type ProgramKind } from "../programs/kinds.js";
import { RAW_CONTEXTS, rawContextC } from "../programs/raw-contexts.js";

/**
 * The fixed-width types and SEC, then the context struct of each program kind the probe declares, and the verdict enum
 * of each kind whose verdicts it uses (a tc program may hold an XdpAction).
 */
export function prelude(kinds: readonly ProgramKind[], verdicts: readonly ProgramKind[] = kinds): string {
  const used = PROGRAM_KINDS.filter((k) => kinds.includes(k));
  const contexts = RAW_CONTEXTS.filter((r) => used.some((k) => k.ctxC === `struct ${r.cTag}`));
  const enums = PROGRAM_KINDS.filter((k) => kinds.includes(k) || verdicts.includes(k)).map((k) => `${k.actionC} { ${Object.values(k.actions).map((a) => `${a.c} = ${a.value}`).join(", ")} };`);
  return [PRELUDE, ...contexts.map(rawContextC), CONTEXT_FIELD_RUNTIME, enums.join("\n")].join("\n\n");
}

const PRELUDE = `typedef unsigned char __u8;
typedef unsigned short __u16;
typedef unsigned int __u32;
typedef unsigned long long __u64;
typedef signed char __s8;
typedef short __s16;
typedef int __s32;
typedef long long __s64;

#define SEC(name) __attribute__((section(name), used))
/* expr with t bound to v (a temporary of the generated code, evaluated once) */
#define tsbpf_let(t, v, expr) ({ __u64 t = (v); (expr); })
#define __always_inline inline __attribute__((always_inline))
/* Every value the generated code keeps in memory starts an 8-byte stack slot. clang spills a 32-bit register with a
 * 4-byte store into a slot of its own, and a smaller object could fill the slot's other half: the verifier forgets
 * the spilled value once that half is written (a map key beside a header's presence flag, say). */
#define TSBPF_SLOT __attribute__((aligned(8)))`;

/** Division and modulo with BPF's semantics for a zero divisor: x / 0 = 0, x % 0 = x. */
const HELPERS: Record<string, string> = {
  div32: "static __always_inline __u32 tsbpf_div32(__u32 a, __u32 b) { return b ? a / b : 0; }",
  mod32: "static __always_inline __u32 tsbpf_mod32(__u32 a, __u32 b) { return b ? a % b : a; }",
  div64: "static __always_inline __u64 tsbpf_div64(__u64 a, __u64 b) { return b ? a / b : 0; }",
  mod64: "static __always_inline __u64 tsbpf_mod64(__u64 a, __u64 b) { return b ? a % b : a; }",
};

export function helperDefinitions(used: ReadonlySet<string>): string[] {
  const defs = Object.keys(HELPERS).filter((h) => used.has(h)).map((h) => HELPERS[h]!);
  if (used.has("rawRead")) defs.push(RAW_READ_RUNTIME);
  if (used.has("unfolded")) defs.push('#define tsbpf_unfolded(x) ({ __u64 tsbpf_u_ = (x); asm volatile("" : "+r"(tsbpf_u_)); tsbpf_u_; })');
  if (used.has("havoc")) defs.push(HAVOC_RUNTIME);
  if (used.has("used")) defs.push('#define tsbpf_used(v) ({ __typeof__(v) tsbpf_r_ = (v); asm volatile("" : : "r"(tsbpf_r_)); })');
  if (used.has("kept")) defs.push('#define tsbpf_kept(v) ({ __typeof__(+(v)) tsbpf_k_ = (v); asm volatile("" : "+r"(tsbpf_k_)); tsbpf_k_; })');
  if (used.has("decided")) defs.push('#define tsbpf_decided(c) ({ __u64 tsbpf_d_ = !!(c); asm volatile("" : "+r"(tsbpf_d_)); tsbpf_d_; })');
  if (used.has("unlinked")) defs.push('#define tsbpf_unlinked(v) ({ __typeof__(+(v)) tsbpf_l_ = (v); asm volatile("%0 &= -1" : "+r"(tsbpf_l_)); tsbpf_l_; })');
  if (used.has("counter")) defs.push('#define tsbpf_counter(v) asm volatile("" : "+r"(v))');
  if (used.has("index")) {
    // n a power of two: a mask, no branch; else a clamp to m (the largest 2^k - 1 below n) whose result is no constant,
    // so the path past it is one the verifier can merge with the other (a clamp to 0 left it a state of its own); the
    // result is hidden from clang again, which knowing its bits would or them into an aligned address
    defs.push('#define tsbpf_index(i, n, m) ({ __u64 tsbpf_i_ = (i); asm volatile("" : "+r"(tsbpf_i_)); if (((n) & ((n) - 1)) == 0) tsbpf_i_ &= (n) - 1; else if (tsbpf_i_ >= (n)) tsbpf_i_ &= (m); asm volatile("" : "+r"(tsbpf_i_)); tsbpf_i_; })');
    defs.push('#define tsbpf_element(a, i, n, m) (*({ __typeof__(&(a)[0]) tsbpf_e_ = &(a)[tsbpf_index(i, n, m)]; asm volatile("" : "+r"(tsbpf_e_)); tsbpf_e_; }))');
  }
  return defs.length ? [defs.join("\n")] : [];
}
