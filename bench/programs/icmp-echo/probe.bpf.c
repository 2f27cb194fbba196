// Answers ICMP and ICMPv6 echo requests in place: reply type, MAC and IP addresses swapped, sent back with XDP_TX.
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/in6.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/icmpv6.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define IP_OFFSET 0x1fff
#define IP6_OFFSET 0xfff8
#define MAX_EXT_HDRS 8
#define ICMP_ECHOREPLY 0
#define ICMP_ECHO 8

struct vlan_hdr {
	__be16 tci;
	__be16 proto;
};

/* linux/icmp.h pulls in libc's socket headers, which do not build for the BPF target. */
struct icmphdr {
	__u8 type;
	__u8 code;
	__sum16 checksum;
	__be16 id;
	__be16 sequence;
};

struct ipv6_frag_hdr {
	__u8 nexthdr;
	__u8 reserved;
	__be16 frag_off;
	__be32 identification;
};

/* RFC 1624: the checksum after a 16-bit word it covers changes from old to new. */
static __always_inline void csum_replace2(__sum16 *check, __be16 old, __be16 new)
{
	__u32 sum = (__u16)~*check + (__u16)~old + (__u16)new;
	sum = (sum & 0xffff) + (sum >> 16);
	*check = ~(sum + (sum >> 16));
}

static __always_inline int ipv6_is_ext(__u8 nexthdr)
{
	return nexthdr == IPPROTO_HOPOPTS || nexthdr == IPPROTO_ROUTING || nexthdr == IPPROTO_FRAGMENT ||
	       nexthdr == IPPROTO_AH || nexthdr == IPPROTO_DSTOPTS;
}

/* The upper-layer header after up to MAX_EXT_HDRS extension headers and its protocol, or NULL for a truncated or
 * longer chain and for a non-first fragment. */
static __always_inline void *ipv6_skip_ext(struct ipv6hdr *ip6, void *end, __u8 *proto)
{
	__u8 nexthdr = ip6->nexthdr;
	void *cur = ip6 + 1;

	for (int i = 0; i < MAX_EXT_HDRS && ipv6_is_ext(nexthdr); i++) {
		struct ipv6_opt_hdr *opt = cur;
		if (cur + 8 > end)
			return NULL;
		if (nexthdr == IPPROTO_FRAGMENT) {
			if (((struct ipv6_frag_hdr *)opt)->frag_off & bpf_htons(IP6_OFFSET))
				return NULL;
			cur += 8;
		} else if (nexthdr == IPPROTO_AH) {
			cur += (opt->hdrlen + 2) * 4;
		} else {
			cur += (opt->hdrlen + 1) * 8;
		}
		nexthdr = opt->nexthdr;
	}
	if (ipv6_is_ext(nexthdr) || cur > end)
		return NULL;
	*proto = nexthdr;
	return cur;
}

/* Turns an IPv4 echo request into its reply; false for anything else. Swapping addresses keeps the sums. */
static __always_inline int echo_ipv4(struct iphdr *ip, void *end)
{
	if ((void *)(ip + 1) > end || ip->version != 4 || ip->ihl < 5)
		return 0;
	struct icmphdr *icmp = (void *)ip + ip->ihl * 4;
	if ((void *)icmp > end || ip->protocol != IPPROTO_ICMP || (ip->frag_off & bpf_htons(IP_OFFSET)))
		return 0;
	if ((void *)(icmp + 1) > end || icmp->type != ICMP_ECHO)
		return 0;
	__be16 old = *(__be16 *)icmp;
	icmp->type = ICMP_ECHOREPLY;
	csum_replace2(&icmp->checksum, old, *(__be16 *)icmp);
	__be32 addr = ip->saddr;
	ip->saddr = ip->daddr;
	ip->daddr = addr;
	return 1;
}

/* Turns an IPv6 echo request into its reply; false for anything else. Swapping addresses keeps the sums. */
static __always_inline int echo_ipv6(struct ipv6hdr *ip6, void *end)
{
	__u8 proto;
	if ((void *)(ip6 + 1) > end || ip6->version != 6)
		return 0;
	struct icmp6hdr *icmp6 = ipv6_skip_ext(ip6, end, &proto);
	if (!icmp6 || proto != IPPROTO_ICMPV6 || (void *)(icmp6 + 1) > end || icmp6->icmp6_type != ICMPV6_ECHO_REQUEST)
		return 0;
	__be16 old = *(__be16 *)icmp6;
	icmp6->icmp6_type = ICMPV6_ECHO_REPLY;
	csum_replace2(&icmp6->icmp6_cksum, old, *(__be16 *)icmp6);
	struct in6_addr addr = ip6->saddr;
	ip6->saddr = ip6->daddr;
	ip6->daddr = addr;
	return 1;
}

SEC("xdp")
int icmp_echo(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	if ((void *)(eth + 1) > end)
		return XDP_PASS;
	__be16 proto = eth->h_proto;
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

	if (proto == bpf_htons(ETH_P_IP)) {
		if (!echo_ipv4(cur, end))
			return XDP_PASS;
	} else if (proto == bpf_htons(ETH_P_IPV6)) {
		if (!echo_ipv6(cur, end))
			return XDP_PASS;
	} else {
		return XDP_PASS;
	}
	__u8 mac[ETH_ALEN];
	__builtin_memcpy(mac, eth->h_source, ETH_ALEN);
	__builtin_memcpy(eth->h_source, eth->h_dest, ETH_ALEN);
	__builtin_memcpy(eth->h_dest, mac, ETH_ALEN);
	return XDP_TX;
}

char LICENSE[] SEC("license") = "GPL";
