// Counts IP packets by protocol (TCP, UDP, ICMP, other) and drops UDP to port 53 over IPv4 or IPv6; everything else goes on.
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/in6.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/udp.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define DNS_PORT 53
#define IP_OFFSET 0x1fff
#define IP6_OFFSET 0xfff8
#define MAX_EXT_HDRS 8

/* Packets per protocol: 0 TCP, 1 UDP, 2 ICMP (ICMPv6 over IPv6), 3 anything else. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
} protocols SEC(".maps");

struct vlan_hdr {
	__be16 tci;
	__be16 proto;
};

struct frag_hdr {
	__u8 nexthdr;
	__u8 reserved;
	__be16 frag_off;
	__be32 identification;
};

static __always_inline void count(__u8 protocol, __u8 icmp)
{
	__u32 key = protocol == IPPROTO_TCP ? 0 : protocol == IPPROTO_UDP ? 1 : protocol == icmp ? 2 : 3;
	__u64 *n = bpf_map_lookup_elem(&protocols, &key);
	if (n)
		__sync_fetch_and_add(n, 1);
}

static __always_inline int is_ext_hdr(__u8 nexthdr)
{
	return nexthdr == IPPROTO_HOPOPTS || nexthdr == IPPROTO_ROUTING || nexthdr == IPPROTO_FRAGMENT ||
	       nexthdr == IPPROTO_DSTOPTS || nexthdr == IPPROTO_AH;
}

/* The upper-layer protocol after up to 8 extension headers, with *l4 where it starts; IPPROTO_NONE for a non-first
 * fragment or a chain that is longer or runs past the packet. */
static __always_inline __u8 ipv6_l4(struct ipv6hdr *ip6, void *end, void **l4)
{
	__u8 nexthdr = ip6->nexthdr;
	void *cur = ip6 + 1;
#pragma unroll
	for (int i = 0; i < MAX_EXT_HDRS; i++) {
		if (!is_ext_hdr(nexthdr))
			break;
		struct ipv6_opt_hdr *opt = cur;
		if (cur + 8 > end)
			return IPPROTO_NONE;
		if (nexthdr == IPPROTO_FRAGMENT) {
			struct frag_hdr *frag = cur;
			if (frag->frag_off & bpf_htons(IP6_OFFSET))
				return IPPROTO_NONE;
			cur += sizeof(*frag);
		} else if (nexthdr == IPPROTO_AH) {
			cur += (opt->hdrlen + 2) * 4;
		} else {
			cur += (opt->hdrlen + 1) * 8;
		}
		nexthdr = opt->nexthdr;
	}
	if (is_ext_hdr(nexthdr) || cur > end)
		return IPPROTO_NONE;
	*l4 = cur;
	return nexthdr;
}

SEC("tc")
int tc_classify(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;
	if ((void *)(eth + 1) > end)
		return TC_ACT_OK;
	__u16 proto = eth->h_proto;
	void *cur = eth + 1;
#pragma unroll
	for (int i = 0; i < 2; i++) {
		if (proto != bpf_htons(ETH_P_8021Q) && proto != bpf_htons(ETH_P_8021AD))
			break;
		struct vlan_hdr *vlan = cur;
		if ((void *)(vlan + 1) > end)
			return TC_ACT_OK;
		proto = vlan->proto;
		cur = vlan + 1;
	}

	struct udphdr *udp;
	if (proto == bpf_htons(ETH_P_IP)) {
		struct iphdr *ip = cur;
		if ((void *)(ip + 1) > end || ip->version != 4 || ip->ihl < 5 || cur + ip->ihl * 4 > end)
			return TC_ACT_OK;
		count(ip->protocol, IPPROTO_ICMP);
		/* A non-first fragment carries no UDP header. */
		if (ip->protocol != IPPROTO_UDP || (ip->frag_off & bpf_htons(IP_OFFSET)))
			return TC_ACT_OK;
		udp = cur + ip->ihl * 4;
	} else if (proto == bpf_htons(ETH_P_IPV6)) {
		struct ipv6hdr *ip6 = cur;
		if ((void *)(ip6 + 1) > end || ip6->version != 6)
			return TC_ACT_OK;
		void *l4 = NULL;
		__u8 l4proto = ipv6_l4(ip6, end, &l4);
		count(l4proto, IPPROTO_ICMPV6);
		if (l4proto != IPPROTO_UDP)
			return TC_ACT_OK;
		udp = l4;
	} else {
		return TC_ACT_OK;
	}
	if ((void *)(udp + 1) > end)
		return TC_ACT_OK;
	return udp->dest == bpf_htons(DNS_PORT) ? TC_ACT_SHOT : TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
