/* tsbpf runtime: reads and writes of a program context's fields. */
/* Every read and write of a context field goes through these (inline assembly): with plain C, clang merges neighbouring
 * stores into one wider store, or loads from an address chosen between two fields, and the verifier refuses both. */
/* One load or store of a context field at its constant offset (the verifier accepts nothing else on a context). */
#define tsbpf_ctx_get(ctx, field, size) ({ __u64 tsbpf_v_; \
	asm volatile("%0 = *(" #size " *)(%1 + %2)" : "=r"(tsbpf_v_) : "r"(ctx), "i"(__builtin_offsetof(__typeof__(*(ctx)), field))); \
	(__typeof__((ctx)->field))tsbpf_v_; })
#define tsbpf_ctx_set(ctx, field, size, v) ({ __u64 tsbpf_v_ = (v); \
	asm volatile("*(" #size " *)(%0 + %1) = %2" : : "r"(ctx), "i"(__builtin_offsetof(__typeof__(*(ctx)), field)), "r"(tsbpf_v_) : "memory"); })
