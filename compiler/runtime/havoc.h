/* tsbpf runtime: values made unknown to the verifier where paths meet (lower/havoc.ts decides where). */
/* v unchanged at run time, but xor-ed twice with bits the verifier cannot know: the same for it on every path. */
#define tsbpf_havoc(v, noise) ({ __u64 tsbpf_h_ = (v); \
	asm volatile("%0 ^= %1\n\t%0 ^= %1" : "+r"(tsbpf_h_) : "r"(noise)); \
	(v) = (__typeof__(v))(__builtin_types_compatible_p(__typeof__(v), _Bool) ? tsbpf_h_ & 1 : tsbpf_h_); })
#define tsbpf_unknown(e, noise) ({ __typeof__(e) tsbpf_u_ = (e); tsbpf_havoc(tsbpf_u_, noise); tsbpf_u_; })
/* Whether two values of at most 32 bits are equal, computed without a jump, so the verifier follows one path: their xor,
 * hidden once made (or clang turns the arithmetic back into a comparison and a jump), less one, is negative only when
 * it was 0. */
#define tsbpf_same32(a, b) ({ __u64 tsbpf_x_ = (__u64)(__u32)(a) ^ (__u32)(b); asm volatile("" : "+r"(tsbpf_x_)); \
	(_Bool)((tsbpf_x_ - 1) >> 63); })
