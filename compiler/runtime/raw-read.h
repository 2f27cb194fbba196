/* tsbpf runtime: raw reads, writes and copies at a cursor, which end at the program's onError exit when out of bounds. */
/* Raw reads and copies at a cursor: out of bounds they jump to the program's onError exit. Offsets are capped at 8 KiB
 * so the verifier, which tracks packet offsets below 64 KiB only, sees the bounds check, and so a socket filter's
 * scratch copy is larger than any offset.
 * A cursor's next_proto is its length limit (options() stop where their header does; TSBPF_NO_NEXT: the packet's end).
 * An offset that is no constant becomes a value of its own (`&= -1`) before it is checked and added: the verifier ties
 * `x + k` to x, keeping k beside the value, and refuses to add to a pointer a value so tied with k of 2^29 or more
 * ("pkt pointer offset N is not allowed", test/fuzz/regressions/verifier-pkt-pointer-offset-n-is-not-allowed-be23ca58.ts). */
/* The largest offset a raw access may have (protocols/cursor.ts, CURSOR_OFFSET_MAX). */
#define TSBPF_CURSOR_OFFSET_MAX 0x1fff
#define tsbpf_at(c, off, n, end) ({ struct tsbpf_hdr tsbpf_c_ = (c); __u64 tsbpf_o_ = (__u32)(off); \
	if (__builtin_constant_p(off)) tsbpf_opaque(tsbpf_o_); else asm volatile("%0 &= -1" : "+r"(tsbpf_o_)); \
	if (tsbpf_o_ > TSBPF_CURSOR_OFFSET_MAX || tsbpf_o_ + (n) > tsbpf_c_.next_proto) goto tsbpf_on_error; \
	__u8 *tsbpf_p_ = tsbpf_c_.pos + tsbpf_o_; \
	tsbpf_opaque(tsbpf_p_); \
	tsbpf_check(tsbpf_p_, n, end, tsbpf_on_error); \
	tsbpf_p_; })
#define tsbpf_read(c, off, bits, end) tsbpf_be##bits(tsbpf_at(c, off, bits / 8, end))
#define tsbpf_copy(dst, c, off, n, end) __builtin_memcpy(dst, tsbpf_at(c, off, n, end), n)
/* A copy past 16 bytes, from src (made with tsbpf_at), goes in pieces of 8 (lower/statements.ts), each followed by a
 * barrier, so clang stores each piece before it loads the next: it loaded every byte of a 60-byte copy first, a
 * register each, and spilled them past the 512-byte stack
 * (test/fuzz/regressions/build-diagnostic-after-check-tsbpf3004-80fd0070.ts). */
#define tsbpf_copy_piece(dst, src, k, n) ({ __builtin_memcpy((__u8 *)(dst) + (k), (src) + (k), n); asm volatile("" : : : "memory"); })
#define tsbpf_write8(c, off, v, end) (*(__u8 *)tsbpf_at(c, off, 1, end) = (v))
#define tsbpf_write16(c, off, v, end) (*(__u16 *)tsbpf_at(c, off, 2, end) = __builtin_bswap16(v))
#define tsbpf_write32(c, off, v, end) (*(__u32 *)tsbpf_at(c, off, 4, end) = __builtin_bswap32(v))
#define tsbpf_write64(c, off, v, end) (*(__u64 *)tsbpf_at(c, off, 8, end) = __builtin_bswap64(v))
/* A run of accesses at constant offsets (lower/raw-runs.ts): a pointer at the cursor's start (tsbpf_span), then one
 * check for the n bytes the run reaches (tsbpf_span_check), then loads and stores at constant offsets from it. The
 * pointer is set before the check can leave: declared with the check in its initializer, it would keep its value from
 * the loop's previous trip on the way out, which clang then reads where the verifier finds nothing set (R2 !read_ok,
 * seed 20261147 program 9166). */
#define tsbpf_span(c) ({ __u8 *tsbpf_p_ = (c).pos; tsbpf_opaque(tsbpf_p_); tsbpf_p_; })
#define tsbpf_span_check(s, c, n, end) ({ \
	if ((n) > (c).next_proto) goto tsbpf_on_error; \
	tsbpf_check(s, n, end, tsbpf_on_error); })
#define tsbpf_span_read(s, off, bits) tsbpf_be##bits((s) + (off))
#define tsbpf_span_write8(s, off, v) (*(__u8 *)((s) + (off)) = (v))
#define tsbpf_span_write16(s, off, v) (*(__u16 *)((s) + (off)) = __builtin_bswap16(v))
#define tsbpf_span_write32(s, off, v) (*(__u32 *)((s) + (off)) = __builtin_bswap32(v))
#define tsbpf_span_write64(s, off, v) (*(__u64 *)((s) + (off)) = __builtin_bswap64(v))
