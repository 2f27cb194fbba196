/* XDP program Headers.headers */
#line 4 "headers.ts"
SEC("xdp/headers") int headers(struct xdp_md *ctx)
{
#line 5 "headers.ts"
	struct tsbpf_hdr eth = tsbpf_xdp_eth(ctx);
#line 6 "headers.ts"
	if (!eth.ok) {
#line 6 "headers.ts"
		return XDP_ABORTED;
	}
#line 7 "headers.ts"
	if (tsbpf_eth_vlanCount(eth, tsbpf_end(ctx)) == 2 && tsbpf_eth_etherType(eth, tsbpf_end(ctx)) != 0x800) {
#line 7 "headers.ts"
		return XDP_DROP;
	}
#line 8 "headers.ts"
	struct tsbpf_hdr v4 = tsbpf_eth_ipv4_chained(eth, tsbpf_end(ctx));
#line 9 "headers.ts"
	struct tsbpf_hdr tcp = tsbpf_decided(v4.ok != 0) ? tsbpf_ipv4_tcp_chained(v4, tsbpf_end(ctx)) : tsbpf_optional(tsbpf_opt0, tsbpf_eth_ipv6_chained(eth, tsbpf_end(ctx)), tsbpf_ipv6_tcp_chained(tsbpf_opt0, tsbpf_end(ctx)));
#line 10 "headers.ts"
	if (tcp.ok && tsbpf_tcp_syn(tcp, tsbpf_end(ctx)) && !tsbpf_tcp_ack(tcp, tsbpf_end(ctx))) {
#line 10 "headers.ts"
		return XDP_DROP;
	}
#line 11 "headers.ts"
	struct tsbpf_hdr udp = tsbpf_optional(tsbpf_opt1, tsbpf_optional(tsbpf_opt2, tsbpf_xdp_eth(ctx), tsbpf_eth_ipv6_chained(tsbpf_opt2, tsbpf_end(ctx))), tsbpf_ipv6_udp_alone_chained(tsbpf_opt1, tsbpf_end(ctx)));
#line 12 "headers.ts"
	if (!udp.ok) {
#line 12 "headers.ts"
		return XDP_PASS;
	}
#line 13 "headers.ts"
	return tsbpf_udp_length(udp, tsbpf_end(ctx)) < 8 ? XDP_DROP : XDP_PASS;
}
