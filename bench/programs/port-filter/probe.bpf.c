// Drops TCP and UDP traffic to one blocked port over IPv4 or IPv6 (VLANs looked through) and counts the drops; everything else passes.
#include "../../c/parsing.h"

#define BLOCKED_PORT 7777

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} dropped SEC(".maps");

/* The destination port of the TCP or UDP header at cur, in network order, or 0 when there is none. */
static __always_inline __be16 l4_dport(void *cur, void *end, __u8 proto)
{
	if (proto == IPPROTO_TCP) {
		struct tcphdr *tcp;
		return parse_tcp(&cur, end, &tcp) ? 0 : tcp->dest;
	}
	if (proto == IPPROTO_UDP) {
		struct udphdr *udp;
		return parse_udp(&cur, end, &udp) ? 0 : udp->dest;
	}
	return 0;
}

SEC("xdp")
int port_filter(struct xdp_md *ctx)
{
	void *cur = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	__be16 proto;
	__u8 l4;

	if (parse_eth(&cur, end, &proto))
		return XDP_PASS;
	if (proto == bpf_htons(ETH_P_IPV6)) {
		struct ipv6hdr *ip6;
		if (parse_ipv6(&cur, end, &ip6))
			return XDP_PASS;
		l4 = ipv6_skip_ext(&cur, end, ip6->nexthdr);
	} else if (proto == bpf_htons(ETH_P_IP)) {
		struct iphdr *ip;
		if (parse_ipv4(&cur, end, &ip) || ipv4_later_fragment(ip))
			return XDP_PASS;
		l4 = ip->protocol;
	} else {
		return XDP_PASS;
	}

	if (l4_dport(cur, end, l4) != bpf_htons(BLOCKED_PORT))
		return XDP_PASS;
	__u32 key = 0;
	__u64 *count = bpf_map_lookup_elem(&dropped, &key);
	if (count)
		*count += 1;
	return XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
