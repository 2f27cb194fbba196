// Rewrites the source address of IPv6 packets (extension headers walked, VLANs looked through) to fd00::1, keeping the TCP, UDP or ICMPv6 checksum valid, and sends them back out; everything else passes.
#include "../../c/parsing.h"

/* The upper-layer checksum after the pseudo-header's words change: RFC 1624 eqn. 3 with the change's sum. */
static __always_inline __sum16 csum_update(__sum16 check, __u32 diff)
{
	return csum_fold((__u16)~check + diff);
}

SEC("xdp")
int ipv6_nat(struct xdp_md *ctx)
{
	void *cur = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	struct ipv6hdr *ip6;
	__be16 proto;

	if (parse_eth(&cur, end, &proto) || proto != bpf_htons(ETH_P_IPV6) || parse_ipv6(&cur, end, &ip6))
		return XDP_PASS;
	__u8 l4 = ipv6_skip_ext(&cur, end, ip6->nexthdr);

	const __u32 new_saddr[4] = { bpf_htonl(0xfd000000), 0, 0, bpf_htonl(1) };
	/* what the new address adds to the pseudo-header's one's-complement sum, folded to 16 bits */
	__u64 sum = 0;
#pragma unroll
	for (int i = 0; i < 4; i++)
		sum += (__u32)~ip6->saddr.in6_u.u6_addr32[i] + new_saddr[i];
	sum = (sum & 0xffffffff) + (sum >> 32);
	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	__u32 diff = (sum & 0xffff) + (sum >> 16);

	if (l4 == IPPROTO_TCP) {
		struct tcphdr *tcp = cur;
		if ((void *)(tcp + 1) <= end)
			tcp->check = csum_update(tcp->check, diff);
	} else if (l4 == IPPROTO_UDP) {
		struct udphdr *udp = cur;
		/* a UDP checksum of 0 means none; one that comes out as 0 is sent as 0xffff */
		if ((void *)(udp + 1) <= end && udp->check) {
			udp->check = csum_update(udp->check, diff);
			if (!udp->check)
				udp->check = 0xffff;
		}
	} else if (l4 == IPPROTO_ICMPV6) {
		struct icmp6hdr *icmp6 = cur;
		if ((void *)(icmp6 + 1) <= end)
			icmp6->icmp6_cksum = csum_update(icmp6->icmp6_cksum, diff);
	}
	__builtin_memcpy(&ip6->saddr, new_saddr, sizeof(new_saddr));
	return XDP_TX;
}

char LICENSE[] SEC("license") = "GPL";
