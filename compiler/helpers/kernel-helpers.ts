// The kernel's BPF helper functions tsbpf calls, by their number in enum bpf_func_id: declared as constant function pointers, no libbpf headers needed.
import type { CTopLevel } from "../c/ast.js";

interface KernelHelper {
  id: number;
  returns: string;
  params: string;
  /** The kernel's proto says gpl_only: a program whose license is not GPL-compatible may not call it (the verifier refuses it). */
  gplOnly?: true;
}

export const KERNEL_HELPERS: Record<string, KernelHelper> = {
  map_lookup_elem: { id: 1, returns: "void *", params: "void *map, const void *key" },
  map_update_elem: { id: 2, returns: "long", params: "void *map, const void *key, const void *value, __u64 flags" },
  map_delete_elem: { id: 3, returns: "long", params: "void *map, const void *key" },
  ktime_get_ns: { id: 5, returns: "__u64", params: "void" },
  trace_printk: { id: 6, returns: "long", params: "const char *fmt, __u32 fmt_size, ...", gplOnly: true },
  get_prandom_u32: { id: 7, returns: "__u32", params: "void" },
  get_smp_processor_id: { id: 8, returns: "__u32", params: "void" },
  tail_call: { id: 12, returns: "long", params: "void *ctx, void *prog_array_map, __u32 index" },
  redirect: { id: 23, returns: "long", params: "__u32 ifindex, __u64 flags" },
  xdp_adjust_head: { id: 44, returns: "long", params: "struct xdp_md *ctx, int delta" },
  skb_load_bytes_relative: { id: 68, returns: "long", params: "const void *skb, __u32 offset, void *to, __u32 len, __u32 start_header" },
  redirect_map: { id: 51, returns: "long", params: "void *map, __u32 key, __u64 flags" },
  xdp_adjust_meta: { id: 54, returns: "long", params: "struct xdp_md *ctx, int delta" },
  xdp_adjust_tail: { id: 65, returns: "long", params: "struct xdp_md *ctx, int delta" },
  ktime_get_boot_ns: { id: 125, returns: "__u64", params: "void" },
  ringbuf_output: { id: 130, returns: "long", params: "void *ringbuf, void *data, __u64 size, __u64 flags" },
};

/** The helpers that move the packet's bounds: pointers into the packet, and its end, read before one are stale after it. */
export const BOUNDS_MOVERS: ReadonlySet<string> = new Set(["xdp_adjust_head", "xdp_adjust_meta", "xdp_adjust_tail"]);

export type KernelHelperName = keyof typeof KERNEL_HELPERS;

/** `static long (*const tsbpf_redirect)(__u32 ifindex, __u64 flags) = (void *)23;` for each helper used. */
export function kernelHelperDeclarations(used: Iterable<string>): CTopLevel[] {
  return [...new Set(used)].sort().map((name) => {
    const h = KERNEL_HELPERS[name];
    if (!h) throw new Error(`internal: unknown kernel helper ${name}`);
    return { k: "helperPointer", name: `tsbpf_${name}`, returns: h.returns, params: h.params, id: h.id };
  });
}
