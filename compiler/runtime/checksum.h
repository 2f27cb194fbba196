/* tsbpf runtime: checksum upkeep for header writes (one's-complement arithmetic on raw words, as they lie). */
#define tsbpf_raw16(p) (*(__u16 *)(p))
#define tsbpf_raw32(p) (*(__u32 *)(p))
/* A sum of 16- and 32-bit words (at most a few dozen) folded to the 16-bit one's-complement sum: 2^16 and 2^32 are
 * 1 modulo 0xffff, so adding the halves keeps the sum's value. */
static __always_inline __u32 tsbpf_csum_fold(__u64 s)
{
	s = (s & 0xffffffff) + (s >> 32);
	s = (s & 0xffff) + (s >> 16);
	s = (s & 0xffff) + (s >> 16);
	s = (s & 0xffff) + (s >> 16);
	return (__u32)s;
}
/* RFC 1624, eqn. 3, for any number of words at once: the checksum after words change, given delta, the sum of
 * ~from + to over them (computed once for every checksum that covers them): folded, or of at most two 16-bit words. */
static __always_inline __u16 tsbpf_csum_apply(__u16 check, __u32 delta)
{
	__u32 s = (__u16)~check + delta;
	s = (s & 0xffff) + (s >> 16);
	s = (s & 0xffff) + (s >> 16);
	return (__u16)~s;
}
