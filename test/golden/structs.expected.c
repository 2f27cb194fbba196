#line 2 "structs.ts"
struct Ports {
	__u16 src;
	__u16 dst;
};
#line 6 "structs.ts"
struct Flow {
	struct Ports ports;
	__u8 proto;
	_Bool syn;
};

#line 8 "structs.ts"
static __always_inline struct Flow flowOf(__u16 sport, __u16 dport, _Bool syn)
{
#line 9 "structs.ts"
	return (struct Flow){ .ports = (struct Ports){ .src = sport, .dst = dport }, .proto = 6, .syn = syn };
}

#line 12 "structs.ts"
static __always_inline struct Flow swapped(struct Flow f)
{
#line 13 "structs.ts"
	struct Flow g TSBPF_SLOT = f;
#line 14 "structs.ts"
	g.ports = (struct Ports){ .src = f.ports.dst, .dst = f.ports.src };
#line 15 "structs.ts"
	return g;
}

/* XDP program Structs.structs */
#line 20 "structs.ts"
SEC("xdp/structs") int structs(struct xdp_md *ctx)
{
	__u64 tsbpf_noise = tsbpf_ctx_get(ctx, rx_queue_index, u32);
#line 21 "structs.ts"
	struct tsbpf_hdr tcp = tsbpf_optional(tsbpf_opt0, tsbpf_optional(tsbpf_opt1, tsbpf_xdp_eth(ctx), tsbpf_eth_ipv4_chained(tsbpf_opt1, tsbpf_end(ctx))), tsbpf_ipv4_tcp_chained(tsbpf_opt0, tsbpf_end(ctx)));
#line 22 "structs.ts"
	if (!tcp.ok) {
#line 22 "structs.ts"
		return XDP_PASS;
	}
#line 23 "structs.ts"
	struct Flow f TSBPF_SLOT = flowOf(tsbpf_tcp_sport(tcp, tsbpf_end(ctx)), tsbpf_tcp_dport(tcp, tsbpf_end(ctx)), tsbpf_tcp_syn(tcp, tsbpf_end(ctx)));
#line 24 "structs.ts"
	struct Flow back TSBPF_SLOT = swapped(f);
#line 25 "structs.ts"
	back.ports.dst = (__u16)(back.ports.dst + 1);
#line 26 "structs.ts"
	_Bool same = tsbpf_unknown(back.ports.src == f.ports.dst && back.ports.dst == (__u16)(f.ports.src + 1), tsbpf_noise) & 1;
#line 26 "structs.ts"
	tsbpf_havoc(same, tsbpf_noise);
#line 27 "structs.ts"
	return same && f.syn && back.proto == 6 ? XDP_DROP : XDP_PASS;
}
