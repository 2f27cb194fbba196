#line 2 "imports/ports.ts"
static const __u16 SSH = 22;

#line 5 "imports/ports.ts"
static __always_inline __u32 verdictFor(__u16 port)
{
	__u64 tsbpf_noise = tsbpf_get_prandom_u32();
#line 6 "imports/ports.ts"
	return tsbpf_unknown(port == SSH ? 1U : 0U, tsbpf_noise);
}

/* XDP program Imports.imports */
#line 6 "imports.ts"
SEC("xdp/imports") int imports(struct xdp_md *ctx)
{
#line 7 "imports.ts"
	struct tsbpf_hdr tcp = tsbpf_optional(tsbpf_opt0, tsbpf_optional(tsbpf_opt1, tsbpf_xdp_eth(ctx), tsbpf_eth_ipv4_chained(tsbpf_opt1, tsbpf_end(ctx))), tsbpf_ipv4_tcp_chained(tsbpf_opt0, tsbpf_end(ctx)));
#line 8 "imports.ts"
	if (!tcp.ok) {
#line 8 "imports.ts"
		return XDP_PASS;
	}
#line 9 "imports.ts"
	return verdictFor(tsbpf_tcp_dport(tcp, tsbpf_end(ctx))) == 1U ? XDP_DROP : XDP_PASS;
}
