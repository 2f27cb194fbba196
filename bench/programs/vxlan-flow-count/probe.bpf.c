// Counts VXLAN packets per inner IPv4 TCP/UDP flow in a hash map; every packet passes.
#include "../../c/parsing.h"

#define VXLAN_PORT 4789
#define VXLAN_FLAG_I 0x08

struct vxlan_hdr {
	__u8 flags;
	__u8 reserved[3];
	__be32 vni;
};

/* Addresses and ports in host byte order. */
struct flow_key {
	__u32 saddr;
	__u32 daddr;
	__u16 sport;
	__u16 dport;
	__u8 protocol;
	__u8 pad[3];
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, struct flow_key);
	__type(value, __u64);
} flows SEC(".maps");

static __always_inline void count_flow(const struct flow_key *key)
{
	__u64 one = 1;
	__u64 *count = bpf_map_lookup_elem(&flows, key);
	if (!count) {
		if (bpf_map_update_elem(&flows, key, &one, BPF_NOEXIST) == 0)
			return;
		/* another CPU created it first */
		count = bpf_map_lookup_elem(&flows, key);
		if (!count)
			return;
	}
	__sync_fetch_and_add(count, 1);
}

SEC("xdp")
int vxlan_flow_count(struct xdp_md *ctx)
{
	void *cur = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	struct iphdr *ip;
	struct udphdr *udp;
	__be16 proto;

	if (parse_eth(&cur, end, &proto) || proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	if (parse_ipv4(&cur, end, &ip) || ip->protocol != IPPROTO_UDP || ipv4_later_fragment(ip))
		return XDP_PASS;
	if (parse_udp(&cur, end, &udp) || udp->dest != bpf_htons(VXLAN_PORT))
		return XDP_PASS;
	struct vxlan_hdr *vxlan = cur;
	if ((void *)(vxlan + 1) > end || !(vxlan->flags & VXLAN_FLAG_I))
		return XDP_PASS;

	cur = vxlan + 1;
	if (parse_eth(&cur, end, &proto) || proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	if (parse_ipv4(&cur, end, &ip) || ipv4_later_fragment(ip))
		return XDP_PASS;

	struct flow_key key = {
		.saddr = bpf_ntohl(ip->saddr),
		.daddr = bpf_ntohl(ip->daddr),
		.protocol = ip->protocol,
	};
	if (ip->protocol == IPPROTO_TCP) {
		struct tcphdr *tcp;
		if (parse_tcp(&cur, end, &tcp))
			return XDP_PASS;
		key.sport = bpf_ntohs(tcp->source);
		key.dport = bpf_ntohs(tcp->dest);
	} else if (ip->protocol == IPPROTO_UDP) {
		if (parse_udp(&cur, end, &udp))
			return XDP_PASS;
		key.sport = bpf_ntohs(udp->source);
		key.dport = bpf_ntohs(udp->dest);
	} else {
		return XDP_PASS;
	}
	count_flow(&key);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
