// Drops every well-formed IPv4 packet (looking through up to two VLAN tags) and counts them; everything else passes.
#include "../../c/parsing.h"

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} dropped SEC(".maps");

SEC("xdp")
int ipv4_drop_count(struct xdp_md *ctx)
{
	void *cur = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	struct iphdr *ip;
	__be16 proto;

	if (parse_eth(&cur, end, &proto) || proto != bpf_htons(ETH_P_IP) || parse_ipv4(&cur, end, &ip))
		return XDP_PASS;
	__u32 key = 0;
	__u64 *count = bpf_map_lookup_elem(&dropped, &key);
	if (count)
		*count += 1;
	return XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
