// Counts IP packets by protocol (TCP, UDP, ICMP, other) and drops UDP to port 53 over IPv4 or IPv6; everything else goes on.
#include <linux/pkt_cls.h>
#include "../../c/parsing.h"

#define DNS_PORT 53

/* Packets per protocol: 0 TCP, 1 UDP, 2 ICMP (ICMPv6 over IPv6), 3 anything else. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
} protocols SEC(".maps");

static __always_inline void count(__u8 protocol, __u8 icmp)
{
	__u32 key = protocol == IPPROTO_TCP ? 0 : protocol == IPPROTO_UDP ? 1 : protocol == icmp ? 2 : 3;
	__u64 *n = bpf_map_lookup_elem(&protocols, &key);
	if (n)
		__sync_fetch_and_add(n, 1);
}

SEC("tc")
int tc_classify(struct __sk_buff *skb)
{
	void *cur = (void *)(long)skb->data;
	void *end = (void *)(long)skb->data_end;
	struct udphdr *udp;
	__be16 proto;

	if (parse_eth(&cur, end, &proto))
		return TC_ACT_OK;
	if (proto == bpf_htons(ETH_P_IPV6)) {
		struct ipv6hdr *ip6;
		if (parse_ipv6(&cur, end, &ip6))
			return TC_ACT_OK;
		__u8 l4 = ipv6_skip_ext(&cur, end, ip6->nexthdr);
		/* a chain whose last header runs past the packet has no upper layer either */
		if (cur > end)
			l4 = IPPROTO_NONE;
		count(l4, IPPROTO_ICMPV6);
		if (l4 != IPPROTO_UDP)
			return TC_ACT_OK;
	} else if (proto == bpf_htons(ETH_P_IP)) {
		struct iphdr *ip;
		if (parse_ipv4(&cur, end, &ip))
			return TC_ACT_OK;
		count(ip->protocol, IPPROTO_ICMP);
		/* A non-first fragment carries no UDP header. */
		if (ip->protocol != IPPROTO_UDP || ipv4_later_fragment(ip))
			return TC_ACT_OK;
	} else {
		return TC_ACT_OK;
	}
	if (parse_udp(&cur, end, &udp))
		return TC_ACT_OK;
	return udp->dest == bpf_htons(DNS_PORT) ? TC_ACT_SHOT : TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
