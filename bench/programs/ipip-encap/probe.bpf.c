// Encapsulates IPv4 packets to 10.0.0.2 (untagged frames) in an outer IPv4 header (IP-in-IP) and sends them back out; everything else passes.
#include "../../c/parsing.h"

#define TARGET 0x0a000002 /* 10.0.0.2 */
#define OUTER_SRC 0xc0a80001 /* 192.168.0.1 */
#define OUTER_DST 0xc0a80002 /* 192.168.0.2 */

SEC("xdp")
int ipip_encap(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	if ((void *)(eth + 1) > end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	void *cur = eth + 1;
	struct iphdr *ip;
	if (parse_ipv4(&cur, end, &ip) || ip->daddr != bpf_htonl(TARGET))
		return XDP_PASS;
	__u16 tot_len = bpf_ntohs(ip->tot_len) + sizeof(struct iphdr);

	if (bpf_xdp_adjust_head(ctx, -(int)sizeof(struct iphdr)))
		return XDP_DROP;
	data = (void *)(long)ctx->data;
	end = (void *)(long)ctx->data_end;
	eth = data;
	struct iphdr *outer = (void *)(eth + 1);
	if ((void *)(outer + 1) > end)
		return XDP_DROP;
	/* The Ethernet header moves to the new front; the outer IPv4 header goes between it and the inner one. */
	__builtin_memcpy(eth, data + sizeof(struct iphdr), ETH_HLEN);
	outer->version = 4;
	outer->ihl = 5;
	outer->tos = 0;
	outer->tot_len = bpf_htons(tot_len);
	outer->id = 0;
	outer->frag_off = 0;
	outer->ttl = 64;
	outer->protocol = IPPROTO_IPIP;
	outer->check = 0;
	outer->saddr = bpf_htonl(OUTER_SRC);
	outer->daddr = bpf_htonl(OUTER_DST);
	__u32 sum = 0;
	__u16 *word = (__u16 *)outer;
#pragma unroll
	for (int i = 0; i < sizeof(struct iphdr) / 2; i++)
		sum += word[i];
	outer->check = csum_fold(sum);
	return XDP_TX;
}

char LICENSE[] SEC("license") = "GPL";
