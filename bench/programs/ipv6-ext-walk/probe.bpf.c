// Drops ICMPv6 echo requests, found past any IPv6 extension headers (VLANs looked through); everything else passes.
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/in6.h>
#include <linux/ipv6.h>
#include <linux/icmpv6.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define MAX_EXT_HDRS 8

struct vlan_hdr {
	__be16 tci;
	__be16 proto;
};

static __always_inline int is_ipv6_ext(__u8 nexthdr)
{
	return nexthdr == IPPROTO_HOPOPTS || nexthdr == IPPROTO_ROUTING || nexthdr == IPPROTO_FRAGMENT ||
	       nexthdr == IPPROTO_AH || nexthdr == IPPROTO_DSTOPTS;
}

/* Skips up to MAX_EXT_HDRS extension headers from *cur: the upper-layer protocol, or IPPROTO_NONE (truncated chain, longer chain, non-first fragment). */
static __always_inline __u8 ipv6_skip_ext(void **cur, void *end, __u8 nexthdr)
{
#pragma unroll
	for (int i = 0; i < MAX_EXT_HDRS; i++) {
		struct ipv6_opt_hdr *ext = *cur;
		if (!is_ipv6_ext(nexthdr))
			return nexthdr;
		if ((void *)ext + 8 > end)
			return IPPROTO_NONE;
		if (nexthdr == IPPROTO_FRAGMENT) {
			if (*(__be16 *)((void *)ext + 2) & bpf_htons(0xfff8))
				return IPPROTO_NONE;
			*cur += 8;
		} else if (nexthdr == IPPROTO_AH) {
			*cur += (ext->hdrlen + 2) * 4;
		} else {
			*cur += (ext->hdrlen + 1) * 8;
		}
		nexthdr = ext->nexthdr;
	}
	return is_ipv6_ext(nexthdr) ? IPPROTO_NONE : nexthdr;
}

SEC("xdp")
int ipv6_ext_walk(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	if ((void *)(eth + 1) > end)
		return XDP_PASS;
	__u16 proto = eth->h_proto;
	void *cur = eth + 1;
#pragma unroll
	for (int i = 0; i < 2; i++) {
		if (proto != bpf_htons(ETH_P_8021Q) && proto != bpf_htons(ETH_P_8021AD))
			break;
		struct vlan_hdr *vlan = cur;
		if ((void *)(vlan + 1) > end)
			return XDP_PASS;
		proto = vlan->proto;
		cur = vlan + 1;
	}
	if (proto != bpf_htons(ETH_P_IPV6))
		return XDP_PASS;

	struct ipv6hdr *ip6 = cur;
	if ((void *)(ip6 + 1) > end || ip6->version != 6)
		return XDP_PASS;
	cur = ip6 + 1;
	if (ipv6_skip_ext(&cur, end, ip6->nexthdr) != IPPROTO_ICMPV6)
		return XDP_PASS;
	struct icmp6hdr *icmp = cur;
	if ((void *)(icmp + 1) > end)
		return XDP_PASS;
	return icmp->icmp6_type == ICMPV6_ECHO_REQUEST ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
