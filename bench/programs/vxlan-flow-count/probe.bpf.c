// Counts VXLAN packets per inner IPv4 TCP/UDP flow in a hash map; every packet passes.
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define VXLAN_PORT 4789
#define VXLAN_FLAG_I 0x08
#define IP_OFFSET 0x1fff

struct vlan_hdr {
	__be16 tci;
	__be16 proto;
};

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

/* Skips an Ethernet header and up to two VLAN tags: the start of the payload and its EtherType, or NULL. */
static __always_inline void *parse_eth(void *pos, void *end, __be16 *proto)
{
	struct ethhdr *eth = pos;
	if ((void *)(eth + 1) > end)
		return NULL;
	__be16 p = eth->h_proto;
	void *cur = eth + 1;
#pragma unroll
	for (int i = 0; i < 2; i++) {
		if (p != bpf_htons(ETH_P_8021Q) && p != bpf_htons(ETH_P_8021AD))
			break;
		struct vlan_hdr *vlan = cur;
		if ((void *)(vlan + 1) > end)
			return NULL;
		p = vlan->proto;
		cur = vlan + 1;
	}
	*proto = p;
	return cur;
}

/* A well-formed IPv4 header at pos, with *l4 after its options, or NULL. */
static __always_inline struct iphdr *parse_ipv4(void *pos, void *end, void **l4)
{
	struct iphdr *ip = pos;
	if ((void *)(ip + 1) > end || ip->version != 4 || ip->ihl < 5)
		return NULL;
	*l4 = pos + ip->ihl * 4;
	if (*l4 > end)
		return NULL;
	return ip;
}

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
	void *data = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	__be16 proto;
	void *l4;

	void *cur = parse_eth(data, end, &proto);
	if (!cur || proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	struct iphdr *ip = parse_ipv4(cur, end, &l4);
	if (!ip || ip->protocol != IPPROTO_UDP || (ip->frag_off & bpf_htons(IP_OFFSET)))
		return XDP_PASS;
	struct udphdr *udp = l4;
	if ((void *)(udp + 1) > end || udp->dest != bpf_htons(VXLAN_PORT))
		return XDP_PASS;
	struct vxlan_hdr *vxlan = (void *)(udp + 1);
	if ((void *)(vxlan + 1) > end || !(vxlan->flags & VXLAN_FLAG_I))
		return XDP_PASS;

	cur = parse_eth(vxlan + 1, end, &proto);
	if (!cur || proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	ip = parse_ipv4(cur, end, &l4);
	if (!ip || (ip->frag_off & bpf_htons(IP_OFFSET)))
		return XDP_PASS;

	struct flow_key key = {
		.saddr = bpf_ntohl(ip->saddr),
		.daddr = bpf_ntohl(ip->daddr),
		.protocol = ip->protocol,
	};
	if (ip->protocol == IPPROTO_TCP) {
		struct tcphdr *tcp = l4;
		if ((void *)(tcp + 1) > end || tcp->doff < 5 || l4 + tcp->doff * 4 > end)
			return XDP_PASS;
		key.sport = bpf_ntohs(tcp->source);
		key.dport = bpf_ntohs(tcp->dest);
	} else if (ip->protocol == IPPROTO_UDP) {
		udp = l4;
		if ((void *)(udp + 1) > end)
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
