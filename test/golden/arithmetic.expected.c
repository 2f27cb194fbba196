/* XDP program Arithmetic.arithmetic */
#line 4 "arithmetic.ts"
SEC("xdp/arithmetic") int arithmetic(struct xdp_md *ctx)
{
#line 5 "arithmetic.ts"
	struct tsbpf_hdr tcp = tsbpf_optional(tsbpf_opt0, tsbpf_optional(tsbpf_opt1, tsbpf_xdp_eth(ctx), tsbpf_eth_ipv4_chained(tsbpf_opt1, tsbpf_end(ctx))), tsbpf_ipv4_tcp_chained(tsbpf_opt0, tsbpf_end(ctx)));
#line 6 "arithmetic.ts"
	if (!tcp.ok) {
#line 6 "arithmetic.ts"
		return XDP_PASS;
	}
#line 7 "arithmetic.ts"
	__u16 port = tsbpf_tcp_dport(tcp, tsbpf_end(ctx));
#line 8 "arithmetic.ts"
	__u8 low = (__u8)port;
#line 9 "arithmetic.ts"
	__u8 sum = (__u8)(low + 250);
#line 10 "arithmetic.ts"
	__u32 wide = (__u16)((__u32)port * 3) + tsbpf_tcp_seq(tcp, tsbpf_end(ctx));
#line 11 "arithmetic.ts"
	wide = tsbpf_div32(wide, (__u32)low);
#line 12 "arithmetic.ts"
	wide = wide % 7U;
#line 13 "arithmetic.ts"
	__s32 signed_1 = (__s32)((__u32)(__s32)port - (__u32)70000);
#line 14 "arithmetic.ts"
	__s32 negated = (__s32)(0U - (__u32)signed_1);
#line 15 "arithmetic.ts"
	__u16 shifted = (__u16)(port << (low & 3 & 15));
#line 16 "arithmetic.ts"
	__u8 masked = (__u8)~low;
#line 17 "arithmetic.ts"
	__u64 big = ((__u64)tsbpf_tcp_ackSeq(tcp, tsbpf_end(ctx)) << 32) | tsbpf_tcp_seq(tcp, tsbpf_end(ctx));
#line 18 "arithmetic.ts"
	if (sum == 4 && wide > 2U && negated != 0 && shifted >= 8 && masked < 200 && big / 16ULL != 0ULL) {
#line 18 "arithmetic.ts"
		return XDP_DROP;
	}
#line 19 "arithmetic.ts"
	return low > 100 ? XDP_PASS : XDP_TX;
}
