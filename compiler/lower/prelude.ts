// The fixed C every probe starts with (fixed-width types, SEC, the XDP context) and the arithmetic helpers lowering may ask for.
import { RAW_READ_RUNTIME } from "./intrinsics/packet.js";

export const PRELUDE = `typedef unsigned char __u8;
typedef unsigned short __u16;
typedef unsigned int __u32;
typedef unsigned long long __u64;
typedef signed char __s8;
typedef short __s16;
typedef int __s32;
typedef long long __s64;

#define SEC(name) __attribute__((section(name), used))
#define __always_inline inline __attribute__((always_inline))

/* The kernel's XDP context (struct xdp_md, include/uapi/linux/bpf.h). */
struct xdp_md {
	__u32 data;
	__u32 data_end;
	__u32 data_meta;
	__u32 ingress_ifindex;
	__u32 rx_queue_index;
	__u32 egress_ifindex;
};

enum xdp_action { XDP_ABORTED = 0, XDP_DROP, XDP_PASS, XDP_TX, XDP_REDIRECT };`;

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
  if (used.has("index")) defs.push('#define tsbpf_index(i) ({ __u64 tsbpf_i_ = (i); asm volatile("" : "+r"(tsbpf_i_)); tsbpf_i_; })');
  return defs.length ? [defs.join("\n")] : [];
}
