#line 5 "enums.ts"
static __always_inline __u32 markFor(__u16 port)
{
#line 6 "enums.ts"
	switch (port) {
	case 22:
		{
#line 8 "enums.ts"
			return 256U;
		}
	case 80:
		{
		}
	case 443:
		{
#line 11 "enums.ts"
			return 1U;
		}
	default:
		{
#line 13 "enums.ts"
			return 0U;
		}
	}
	__builtin_unreachable();
}

/* XDP program Enums.enums */
#line 19 "enums.ts"
SEC("xdp/enums") int enums(struct xdp_md *ctx)
{
	__u64 tsbpf_noise = tsbpf_ctx_get(ctx, rx_queue_index, u32);
#line 20 "enums.ts"
	struct tsbpf_hdr tcp = tsbpf_optional(tsbpf_opt0, tsbpf_optional(tsbpf_opt1, tsbpf_xdp_eth(ctx), tsbpf_eth_ipv4_chained(tsbpf_opt1, tsbpf_end(ctx))), tsbpf_ipv4_tcp_chained(tsbpf_opt0, tsbpf_end(ctx)));
#line 21 "enums.ts"
	if (!tcp.ok) {
#line 21 "enums.ts"
		return XDP_PASS;
	}
#line 22 "enums.ts"
	__u32 mark = markFor(tsbpf_tcp_dport(tcp, tsbpf_end(ctx)));
#line 22 "enums.ts"
	tsbpf_havoc(mark, tsbpf_noise);
#line 23 "enums.ts"
	if (mark == 256U) {
#line 23 "enums.ts"
		return XDP_DROP;
	}
#line 24 "enums.ts"
	return (__u32)mark == 1U ? XDP_TX : XDP_PASS;
}
