// Drops IPv4/UDP packets to port 9999 whose payload starts with the magic "BAD!"; everything else passes.
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <linux/udp.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define PORT 9999
#define MAGIC 0x42414421 /* "BAD!" */
#define IP_OFFSET 0x1fff

struct vlan_hdr {
	__be16 tci;
	__be16 proto;
};

SEC("xdp")
int payload_match(struct xdp_md *ctx)
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
	if (proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	struct iphdr *ip = cur;
	if ((void *)(ip + 1) > end || ip->version != 4 || ip->ihl < 5)
		return XDP_PASS;
	/* A non-first fragment carries no UDP header. */
	if (ip->protocol != IPPROTO_UDP || (ip->frag_off & bpf_htons(IP_OFFSET)))
		return XDP_PASS;
	struct udphdr *udp = cur + ip->ihl * 4;
	if ((void *)(udp + 1) > end || udp->dest != bpf_htons(PORT))
		return XDP_PASS;
	__be32 *magic = (void *)(udp + 1);
	if ((void *)(magic + 1) > end)
		return XDP_PASS;
	return *magic == bpf_htonl(MAGIC) ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
