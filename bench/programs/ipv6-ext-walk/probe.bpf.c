// Drops ICMPv6 echo requests, found past any IPv6 extension headers (VLANs looked through); everything else passes.
#include "../../c/parsing.h"

SEC("xdp")
int ipv6_ext_walk(struct xdp_md *ctx)
{
	void *cur = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	struct ipv6hdr *ip6;
	struct icmp6hdr *icmp6;
	__be16 proto;

	if (parse_eth(&cur, end, &proto) || proto != bpf_htons(ETH_P_IPV6) || parse_ipv6(&cur, end, &ip6))
		return XDP_PASS;
	if (ipv6_skip_ext(&cur, end, ip6->nexthdr) != IPPROTO_ICMPV6 || parse_icmp6(&cur, end, &icmp6))
		return XDP_PASS;
	return icmp6->icmp6_type == ICMPV6_ECHO_REQUEST ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
