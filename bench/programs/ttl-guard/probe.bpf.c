// Drops IPv4 packets with TTL <= 1 and IPv6 packets with hop limit <= 1; decrements the others' TTL or hop limit and passes them.
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct vlan_hdr {
	__be16 tci;
	__be16 proto;
};

/* RFC 1624 eqn. 3: the checksum after a 16-bit word changes from old to new. */
static __always_inline void csum_replace2(__sum16 *sum, __be16 old, __be16 new)
{
	__u32 s = (__u16)~*sum + (__u16)~old + new;
	s = (s & 0xffff) + (s >> 16);
	s = (s & 0xffff) + (s >> 16);
	*sum = ~s;
}

SEC("xdp")
int ttl_guard(struct xdp_md *ctx)
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

	if (proto == bpf_htons(ETH_P_IP)) {
		struct iphdr *ip = cur;
		if ((void *)(ip + 1) > end || ip->version != 4 || ip->ihl < 5 || cur + ip->ihl * 4 > end)
			return XDP_PASS;
		if (ip->ttl <= 1)
			return XDP_DROP;
		/* the TTL shares its checksummed 16-bit word with the protocol */
		__be16 old = *(__be16 *)&ip->ttl;
		ip->ttl--;
		csum_replace2(&ip->check, old, *(__be16 *)&ip->ttl);
	} else if (proto == bpf_htons(ETH_P_IPV6)) {
		struct ipv6hdr *ip6 = cur;
		if ((void *)(ip6 + 1) > end || ip6->version != 6)
			return XDP_PASS;
		if (ip6->hop_limit <= 1)
			return XDP_DROP;
		ip6->hop_limit--;
	}
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
