// Drops IPv4 packets whose source address falls in a blocklisted prefix and counts the drops; everything else passes.
#include "../../c/parsing.h"

/* The kernel's LPM key: prefix length, then the address in network order. */
struct ipv4_lpm_key {
	__u32 prefixlen;
	__be32 addr;
};

struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__uint(max_entries, 1024);
	__type(key, struct ipv4_lpm_key);
	__type(value, __u8);
} blocklist SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} dropped SEC(".maps");

SEC("xdp")
int lpm_blocklist(struct xdp_md *ctx)
{
	void *cur = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	struct iphdr *ip;
	__be16 proto;

	if (parse_eth(&cur, end, &proto) || proto != bpf_htons(ETH_P_IP) || parse_ipv4(&cur, end, &ip))
		return XDP_PASS;

	struct ipv4_lpm_key key = { .prefixlen = 32, .addr = ip->saddr };
	if (!bpf_map_lookup_elem(&blocklist, &key))
		return XDP_PASS;
	__u32 zero = 0;
	__u64 *count = bpf_map_lookup_elem(&dropped, &zero);
	if (count)
		*count += 1;
	return XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
