#line 2 "helpers-and-names.ts"
static const __u16 LIMIT = 1024;

#line 5 "helpers-and-names.ts"
static __always_inline __u16 int_1(__u16 x)
{
#line 6 "helpers-and-names.ts"
	return x >> 4;
}

#line 9 "helpers-and-names.ts"
static __always_inline _Bool filter_1(__u16 port)
{
	__u64 tsbpf_noise = tsbpf_get_prandom_u32();
#line 10 "helpers-and-names.ts"
	__u16 register_1 = int_1(port);
#line 10 "helpers-and-names.ts"
	tsbpf_havoc(register_1, tsbpf_noise);
#line 11 "helpers-and-names.ts"
	return tsbpf_unknown(register_1 < LIMIT, tsbpf_noise) & 1;
}

#line 14 "helpers-and-names.ts"
static __always_inline _Bool isLow(__u16 port)
{
	__u64 tsbpf_noise = tsbpf_get_prandom_u32();
#line 15 "helpers-and-names.ts"
	return tsbpf_unknown(port < LIMIT, tsbpf_noise) & 1;
}

/* XDP program Names.filter */
#line 20 "helpers-and-names.ts"
SEC("xdp/filter") int filter(struct xdp_md *ctx)
{
#line 21 "helpers-and-names.ts"
	struct tsbpf_hdr udp = tsbpf_optional(tsbpf_opt0, tsbpf_optional(tsbpf_opt1, tsbpf_xdp_eth(ctx), tsbpf_eth_ipv4_chained(tsbpf_opt1, tsbpf_end(ctx))), tsbpf_ipv4_udp_alone_chained(tsbpf_opt0, tsbpf_end(ctx)));
#line 22 "helpers-and-names.ts"
	if (!udp.ok) {
#line 22 "helpers-and-names.ts"
		return XDP_PASS;
	}
#line 23 "helpers-and-names.ts"
	if (filter_1(tsbpf_udp_dport(udp, tsbpf_end(ctx))) && isLow(tsbpf_udp_sport(udp, tsbpf_end(ctx)))) {
#line 23 "helpers-and-names.ts"
		return XDP_DROP;
	}
#line 24 "helpers-and-names.ts"
	return XDP_PASS;
}
