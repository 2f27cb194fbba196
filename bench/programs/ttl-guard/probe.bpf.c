// Drops IPv4 packets with TTL <= 1 and IPv6 packets with hop limit <= 1; decrements the others' TTL or hop limit and passes them.
#include "../../c/parsing.h"

SEC("xdp")
int ttl_guard(struct xdp_md *ctx)
{
	void *cur = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	__be16 proto;

	if (parse_eth(&cur, end, &proto))
		return XDP_PASS;
	if (proto == bpf_htons(ETH_P_IP)) {
		struct iphdr *ip;
		if (parse_ipv4(&cur, end, &ip))
			return XDP_PASS;
		if (ip->ttl <= 1)
			return XDP_DROP;
		/* the TTL shares its checksummed 16-bit word with the protocol */
		__be16 old = *(__be16 *)&ip->ttl;
		ip->ttl--;
		csum_replace2(&ip->check, old, *(__be16 *)&ip->ttl);
	} else if (proto == bpf_htons(ETH_P_IPV6)) {
		struct ipv6hdr *ip6;
		if (parse_ipv6(&cur, end, &ip6))
			return XDP_PASS;
		if (ip6->hop_limit <= 1)
			return XDP_DROP;
		ip6->hop_limit--;
	}
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
