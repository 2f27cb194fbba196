// Drops IPv4/UDP packets to port 9999 whose payload starts with the magic "BAD!"; everything else passes.
#include "../../c/parsing.h"

#define PORT 9999
#define MAGIC 0x42414421 /* "BAD!" */

SEC("xdp")
int payload_match(struct xdp_md *ctx)
{
	void *cur = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	struct iphdr *ip;
	struct udphdr *udp;
	__be16 proto;

	if (parse_eth(&cur, end, &proto) || proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	/* A non-first fragment carries no UDP header. */
	if (parse_ipv4(&cur, end, &ip) || ip->protocol != IPPROTO_UDP || ipv4_later_fragment(ip))
		return XDP_PASS;
	if (parse_udp(&cur, end, &udp) || udp->dest != bpf_htons(PORT))
		return XDP_PASS;
	__be32 *magic = cur;
	if ((void *)(magic + 1) > end)
		return XDP_PASS;
	return *magic == bpf_htonl(MAGIC) ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
