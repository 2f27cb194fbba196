/* tsbpf runtime: checksum upkeep for header writes (one's-complement arithmetic on raw 16-bit words). */
/* RFC 1624: the checksum after one 16-bit word changes from 'from' to 'to' (~(~check + ~from + to)). */
static __always_inline __u16 tsbpf_csum_replace(__u16 check, __u16 from, __u16 to)
{
	__u32 s = (__u16)~check + (__u32)(__u16)~from + to;
	s = (s & 0xffff) + (s >> 16);
	s = (s & 0xffff) + (s >> 16);
	return (__u16)~s;
}
#define tsbpf_raw16(p) (*(__u16 *)(p))
