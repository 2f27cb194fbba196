// Answers ICMP and ICMPv6 echo requests in place: reply type, MAC and IP addresses swapped, sent back with XDP_TX.
#include "../../c/parsing.h"

#define ICMP_ECHOREPLY 0
#define ICMP_ECHO 8

/* Turns the IPv4 echo request at cur into its reply; false for anything else. Swapping addresses keeps the sums. */
static __always_inline int echo_ipv4(void *cur, void *end)
{
	struct iphdr *ip;
	struct icmphdr *icmp;

	if (parse_ipv4(&cur, end, &ip) || ip->protocol != IPPROTO_ICMP || ipv4_later_fragment(ip))
		return 0;
	if (parse_icmp(&cur, end, &icmp) || icmp->type != ICMP_ECHO)
		return 0;
	__be16 old = *(__be16 *)icmp;
	icmp->type = ICMP_ECHOREPLY;
	csum_replace2(&icmp->checksum, old, *(__be16 *)icmp);
	__be32 addr = ip->saddr;
	ip->saddr = ip->daddr;
	ip->daddr = addr;
	return 1;
}

/* Turns the IPv6 echo request at cur into its reply; false for anything else. Swapping addresses keeps the sums. */
static __always_inline int echo_ipv6(void *cur, void *end)
{
	struct ipv6hdr *ip6;
	struct icmp6hdr *icmp6;

	if (parse_ipv6(&cur, end, &ip6) || ipv6_skip_ext(&cur, end, ip6->nexthdr) != IPPROTO_ICMPV6)
		return 0;
	if (parse_icmp6(&cur, end, &icmp6) || icmp6->icmp6_type != ICMPV6_ECHO_REQUEST)
		return 0;
	__be16 old = *(__be16 *)icmp6;
	icmp6->icmp6_type = ICMPV6_ECHO_REPLY;
	csum_replace2(&icmp6->icmp6_cksum, old, *(__be16 *)icmp6);
	struct in6_addr addr = ip6->saddr;
	ip6->saddr = ip6->daddr;
	ip6->daddr = addr;
	return 1;
}

SEC("xdp")
int icmp_echo(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	void *cur = data;
	__be16 proto;

	if (parse_eth(&cur, end, &proto))
		return XDP_PASS;
	if (proto == bpf_htons(ETH_P_IP)) {
		if (!echo_ipv4(cur, end))
			return XDP_PASS;
	} else if (proto == bpf_htons(ETH_P_IPV6)) {
		if (!echo_ipv6(cur, end))
			return XDP_PASS;
	} else {
		return XDP_PASS;
	}
	__u8 mac[ETH_ALEN];
	__builtin_memcpy(mac, eth->h_source, ETH_ALEN);
	__builtin_memcpy(eth->h_source, eth->h_dest, ETH_ALEN);
	__builtin_memcpy(eth->h_dest, mac, ETH_ALEN);
	return XDP_TX;
}

char LICENSE[] SEC("license") = "GPL";
