/* tsbpf runtime: the header value and the primitives through which every packet pointer is made, checked and measured. */
/* Each primitive keeps a rule the verifier needs, whatever clang does around it:
 * - a packet pointer from the context is hidden from clang (tsbpf_ctx_ptr), so clang never treats it as the 32-bit
 *   field it was loaded from (32-bit moves and spills turn it into a scalar for the verifier);
 * - the end of the packet is not part of a header value: it is read from the context where it is needed, so no path
 *   ever merges it with anything but the end of the packet (a header's "not found" value would otherwise bring a NULL);
 * - a bounds check computes the end of the access and hides it before comparing, in an asm goto (tsbpf_fits), so
 *   clang can neither turn the comparison into arithmetic on the packet's end nor make it again elsewhere;
 * - an equality that decides a header's presence is two range tests (tsbpf_is), which the verifier follows both ways;
 * - a pointer moved by a variable amount is hidden once made (tsbpf_opaque), so the pointer checked is the pointer
 *   used; a distance between two pointers is computed in 64 bits behind barriers (tsbpf_distance). */

/* Address values (MacAddr, Ipv6Addr): bytes in packet order; the _slot types for the values read into memory. */
struct tsbpf_mac { __u8 bytes[6]; };
typedef struct tsbpf_mac tsbpf_mac_slot TSBPF_SLOT;
struct tsbpf_ipv6_addr { __u8 bytes[16]; };
typedef struct tsbpf_ipv6_addr tsbpf_ipv6_addr_slot TSBPF_SLOT;
/* A parsed header. Whether it is there is a flag, not a NULL pos: the verifier knows the flag's value on every path,
 * while it cannot tell a packet pointer from NULL, and would follow an impossible "missing" path wherever a present
 * header's pointer is tested (on which clang, knowing better, may have left the other fields inconsistent). */
struct tsbpf_hdr {
	__u8 *pos;        /* first byte of the header */
	__u8 *next;       /* first byte after it (options and tags included) */
	__u32 next_proto; /* what follows: EtherType or IP protocol, TSBPF_NO_NEXT for nothing; a cursor's length limit */
	__u32 len;        /* its length as the parse found it, where a field reads it (VLAN tags, IPv6 extension headers) */
	__u32 ok;         /* 1: the header is there; 0: the accessor found none (and the other fields are 0) */
};
#define TSBPF_NO_NEXT 0xffffffffu
#define TSBPF_NO_HDR ((struct tsbpf_hdr){ 0 })
/* h?.accessor(): expr (over the temporary t holding h) when h is there, else no header. */
#define tsbpf_optional(t, h, expr) ({ struct tsbpf_hdr t = (h); t.ok ? (expr) : TSBPF_NO_HDR; })
/* A cursor at p, evaluated once (the parsers and raw reads check what they touch). */
#define tsbpf_cursor_at(p) ({ __u8 *tsbpf_cp_ = (p); (struct tsbpf_hdr){ .pos = tsbpf_cp_, .next = tsbpf_cp_, .next_proto = TSBPF_NO_NEXT, .ok = 1 }; })
/* A value clang must keep as it is: it cannot see where it came from, so it can neither narrow nor recompute it. */
#define tsbpf_opaque(v) asm volatile("" : "+r"(v))
/* A packet pointer of the context (data, data_end, data_meta), as a 64-bit pointer clang knows nothing of. Where no
 * program of the file moves the packet's bounds (adjustHead, adjustTail, adjustMeta), the read is a pure function of
 * ctx (tsbpf_bounds_asm is plain asm): clang reads once what several accessors need and drops what none uses. Where one
 * does, every read stays where it stands (asm volatile), so none is taken from before a move. */
#define tsbpf_ctx_ptr(ctx, field) ({ __u8 *tsbpf_p_; \
	tsbpf_bounds_asm("%0 = *(u32 *)(%1 + %2)" : "=r"(tsbpf_p_) : "r"(ctx), "i"(__builtin_offsetof(__typeof__(*(ctx)), field))); \
	tsbpf_p_; })
/* The end of the packet of a context with direct packet access (xdp_md, __sk_buff). */
#define tsbpf_end(ctx) tsbpf_ctx_ptr(ctx, data_end)
#define tsbpf_be8(p) (*(__u8 *)(p))
#define tsbpf_be16(p) __builtin_bswap16(*(__u16 *)(p))
#define tsbpf_be32(p) __builtin_bswap32(*(__u32 *)(p))
#define tsbpf_be64(p) __builtin_bswap64(*(__u64 *)(p))

/* off (at most mask, a power of two less one) unchanged, but any value up to mask for the verifier: xor-ed twice with
 * bits it cannot know (the noise as it is: the and that follows bounds the result, whatever its width).
 * Paths that meet with different offsets then look alike to it, and it verifies what follows once, not once per path.
 * (Telling clang the bound with __builtin_assume instead of the and saved an instruction, but clang then made code the
 * verifier refused: a pointer it took for a scalar, in test/kernel/protocols.ts.) */
#define tsbpf_widen(off, noise, mask) ({ __u64 tsbpf_w_ = (off); \
	asm volatile("%0 ^= %1\n\t%0 ^= %1" : "+r"(tsbpf_w_) : "r"((__u64)(noise))); \
	(off) = tsbpf_w_ & (mask); })

/* Whether x equals k, as two range tests, x >= k and then x <= k of a copy clang cannot tie to x: the verifier learns
 * which way each went on both sides (from a failed x == k it learns nothing), and clang can neither fold them into one
 * equality nor test that equality again on a path where it failed (it did, of an ARP header's address lengths, when
 * choosing the header's fields: test/fuzz/regressions/verifier-r-invalid-mem-access-scalar-49830ae3.ts). */
#define tsbpf_is(x, k) ({ __typeof__(+(x)) tsbpf_i_ = (x); int tsbpf_e_ = 0; \
	if (tsbpf_i_ >= (k)) { tsbpf_opaque(tsbpf_i_); tsbpf_e_ = tsbpf_i_ <= (k); } tsbpf_e_; })

/* v, or TSBPF_NO_NEXT when flag (below 2^63) is not 0: computed without a jump, so the verifier follows one path. The
 * sign of -flag, spread over all bits by an arithmetic shift, is the mask; hidden once negated, or clang turns the
 * shift back into a comparison and a jump. */
#define tsbpf_none_unless_zero(flag, v) ({ __s64 tsbpf_n_ = -(__s64)(__u64)(flag); tsbpf_opaque(tsbpf_n_); \
	(__u32)(v) | (__u32)(tsbpf_n_ >> 63); })

/* Whether v (below 64) is in the set of bit positions mask, tested as one bit so the verifier follows one path. */
#define tsbpf_in_set(v, mask) ({ __u64 tsbpf_s_ = (v); tsbpf_opaque(tsbpf_s_); tsbpf_s_ < 64 && ((mask) >> tsbpf_s_) & 1; })

/* p, as a pointer of its own for the verifier (moved by a 0 it cannot know): what a child header's checks teach it stays
 * with the child, instead of changing what it knows of the parent's pointer, whose states (child there or not) would
 * then differ for the rest of the program. noise is a checked byte (or any value it cannot know). */
#define tsbpf_fresh(p, noise) tsbpf_fresh_by(p, tsbpf_be8(noise))
#define tsbpf_fresh_by(p, noise) ({ __u64 tsbpf_z_ = 0; tsbpf_widen(tsbpf_z_, (noise) & 1, 1); \
	__u8 *tsbpf_f_ = (p) + tsbpf_z_; tsbpf_opaque(tsbpf_f_); tsbpf_f_; })

/* On to label unless the n bytes at p lie before end: one comparison clang cannot see (an asm goto), so it can never
 * compare again where the answer is used; the verifier learns nothing from a comparison that fails, nor from any
 * comparison of pointers into a socket filter's frame (a map value), and would follow such a second comparison the
 * wrong way. What clang may test again is what decided a header's presence around it: so the equalities there are
 * range tests (tsbpf_is, for selectors and validity), which the verifier follows both ways (a failed EtherType equality
 * tested again was test/kernel/protocols.ts refused). A hidden 0 or 1 tested afterwards did the same for three
 * instructions more per check. p itself (n of 0), already a pointer clang cannot see through, needs no copy.
 * A parser's checks share one label, so the constants of "no header" are set once for all of them. */
#define tsbpf_check(p, n, end, label) ({ __u8 *tsbpf_q_ = (p) + (n); if (n) tsbpf_opaque(tsbpf_q_); \
	asm goto("if %0 > %1 goto %l[" #label "]" : : "r"(tsbpf_q_), "r"(end) : : label); })
/* What stands first where a check's jump lands, so it lands in a block of its own: clang 14 cannot split an asm
 * goto's edges and moved the values meant for the block after it ahead of the jump, or nowhere, leaving registers
 * the verifier found unset (test/fuzz/regressions/verifier-r-read-ok-5fdbf661.ts and -f633cb6e.ts). */
#define tsbpf_landing() asm volatile("")

/* Whether the n bytes at p lie before end (tsbpf_check). */
static __always_inline int tsbpf_fits(__u8 *p, __u64 n, __u8 *end)
{
	tsbpf_check(p, n, end, outside);
	return 1;
outside:
	tsbpf_landing();
	return 0;
}

/* to - from, in 64 bits (the verifier refuses 32-bit arithmetic on pointers). */
static __always_inline __u64 tsbpf_distance(__u8 *from, __u8 *to)
{
	tsbpf_opaque(from);
	tsbpf_opaque(to);
	__u64 d = to - from;
	tsbpf_opaque(d);
	return d;
}

/* A cursor's length: to the packet's end, or its limit (kept in next_proto) if smaller. */
static __always_inline __u32 tsbpf_cursor_length(struct tsbpf_hdr h, __u8 *end)
{
	__u64 d = tsbpf_distance(h.pos, end);
	return h.next_proto < d ? h.next_proto : (__u32)d;
}
