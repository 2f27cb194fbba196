/* tsbpf runtime: arithmetic with BPF's semantics, and the barriers lowering puts between clang and values. */
/* Division and modulo with BPF's semantics for a zero divisor: x / 0 = 0, x % 0 = x. */
static __always_inline __u32 tsbpf_div32(__u32 a, __u32 b) { return b ? a / b : 0; }
static __always_inline __u32 tsbpf_mod32(__u32 a, __u32 b) { return b ? a % b : a; }
static __always_inline __u64 tsbpf_div64(__u64 a, __u64 b) { return b ? a / b : 0; }
static __always_inline __u64 tsbpf_mod64(__u64 a, __u64 b) { return b ? a % b : a; }
/* x, as a value clang cannot fold into what uses it */
#define tsbpf_unfolded(x) ({ __u64 tsbpf_u_ = (x); asm volatile("" : "+r"(tsbpf_u_)); tsbpf_u_; })
/* v computed even when nothing reads it */
#define tsbpf_used(v) ({ __typeof__(v) tsbpf_r_ = (v); asm volatile("" : : "r"(tsbpf_r_)); })
/* v, kept as it is: clang can neither narrow nor recompute it */
#define tsbpf_kept(v) ({ __typeof__(+(v)) tsbpf_k_ = (v); asm volatile("" : "+r"(tsbpf_k_)); tsbpf_k_; })
/* c as 0 or 1, decided once where it stands */
#define tsbpf_decided(c) ({ __u64 tsbpf_d_ = !!(c); asm volatile("" : "+r"(tsbpf_d_)); tsbpf_d_; })
/* v, as a value the verifier does not tie to the one it came from */
#define tsbpf_unlinked(v) ({ __typeof__(+(v)) tsbpf_l_ = (v); asm volatile("%0 &= -1" : "+r"(tsbpf_l_)); tsbpf_l_; })
/* a loop counter clang must keep in its register as it is */
#define tsbpf_counter(v) asm volatile("" : "+r"(v))
/* An index below n: n a power of two, a mask, no branch; else a clamp to m (the largest 2^k - 1 below n) whose result
 * is no constant, so the path past it is one the verifier can merge with the other (a clamp to 0 left it a state of its
 * own); the result is hidden from clang again, which knowing its bits would or them into an aligned address. */
#define tsbpf_index(i, n, m) ({ __u64 tsbpf_i_ = (i); asm volatile("" : "+r"(tsbpf_i_)); if (((n) & ((n) - 1)) == 0) tsbpf_i_ &= (n) - 1; else if (tsbpf_i_ >= (n)) tsbpf_i_ &= (m); asm volatile("" : "+r"(tsbpf_i_)); tsbpf_i_; })
#define tsbpf_element(a, i, n, m) (*({ __typeof__(&(a)[0]) tsbpf_e_ = &(a)[tsbpf_index(i, n, m)]; asm volatile("" : "+r"(tsbpf_e_)); tsbpf_e_; }))
