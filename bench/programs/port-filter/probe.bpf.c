// Drops TCP and UDP traffic to one blocked port over IPv4 or IPv6 (VLANs looked through) and counts the drops; everything else passes.
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/in6.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define BLOCKED_PORT 7777
#define MAX_EXT_HDRS 8

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} dropped SEC(".maps");

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

/* The destination port of the TCP or UDP header at cur, in network order, or 0 when there is none. */
static __always_inline __be16 l4_dport(void *cur, void *end, __u8 proto)
{
	if (proto == IPPROTO_TCP) {
		struct tcphdr *tcp = cur;
		if ((void *)(tcp + 1) > end || tcp->doff < 5 || cur + tcp->doff * 4 > end)
			return 0;
		return tcp->dest;
	}
	if (proto == IPPROTO_UDP) {
		struct udphdr *udp = cur;
		if ((void *)(udp + 1) > end)
			return 0;
		return udp->dest;
	}
	return 0;
}

SEC("xdp")
int port_filter(struct xdp_md *ctx)
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

	__u8 l4;
	if (proto == bpf_htons(ETH_P_IP)) {
		struct iphdr *ip = cur;
		if ((void *)(ip + 1) > end || ip->version != 4 || ip->ihl < 5 || cur + ip->ihl * 4 > end)
			return XDP_PASS;
		if (ip->frag_off & bpf_htons(0x1fff))
			return XDP_PASS;
		l4 = ip->protocol;
		cur += ip->ihl * 4;
	} else if (proto == bpf_htons(ETH_P_IPV6)) {
		struct ipv6hdr *ip6 = cur;
		if ((void *)(ip6 + 1) > end || ip6->version != 6)
			return XDP_PASS;
		cur = ip6 + 1;
		l4 = ipv6_skip_ext(&cur, end, ip6->nexthdr);
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
