// Header parsing and checksum helpers shared by the hand-written C programs of bench/programs/.
#ifndef BENCH_PARSING_H
#define BENCH_PARSING_H

#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/in6.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/icmpv6.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define IP_OFFSET 0x1fff /* fragment offset bits of iphdr.frag_off */
#define IP6_OFFSET 0xfff8 /* fragment offset bits of ipv6_frag_hdr.frag_off */
#define MAX_VLAN_TAGS 2
#define MAX_EXT_HDRS 8

struct vlan_hdr {
	__be16 tci;
	__be16 proto;
};

struct ipv6_frag_hdr {
	__u8 nexthdr;
	__u8 reserved;
	__be16 frag_off;
	__be32 identification;
};

/* linux/icmp.h pulls in libc's socket headers, which do not build for the BPF target. */
struct icmphdr {
	__u8 type;
	__u8 code;
	__sum16 checksum;
	__be16 id;
	__be16 sequence;
};

/* The parse_* helpers take a cursor at the header to read: 0 when the header is there and well-formed, with *hdr
 * (or *proto) set and the cursor moved past it; -1 when it is not (the cursor is then not to be used). */

/* Ethernet and up to MAX_VLAN_TAGS 802.1Q/802.1ad tags: *proto is the EtherType of the payload. */
static __always_inline int parse_eth(void **cursor, void *end, __be16 *proto)
{
	struct ethhdr *eth = *cursor;
	if ((void *)(eth + 1) > end)
		return -1;
	*proto = eth->h_proto;
	*cursor = eth + 1;
#pragma unroll
	for (int i = 0; i < MAX_VLAN_TAGS; i++) {
		if (*proto != bpf_htons(ETH_P_8021Q) && *proto != bpf_htons(ETH_P_8021AD))
			break;
		struct vlan_hdr *vlan = *cursor;
		if ((void *)(vlan + 1) > end)
			return -1;
		*proto = vlan->proto;
		*cursor = vlan + 1;
	}
	return 0;
}

/* IPv4 with version 4, IHL >= 5 and its options inside the packet; the cursor moves past the options. */
static __always_inline int parse_ipv4(void **cursor, void *end, struct iphdr **hdr)
{
	struct iphdr *ip = *cursor;
	if ((void *)(ip + 1) > end || ip->version != 4 || ip->ihl < 5)
		return -1;
	void *next = *cursor + ip->ihl * 4;
	if (next > end)
		return -1;
	*hdr = ip;
	*cursor = next;
	return 0;
}

/* True for an IPv4 fragment other than the first: it carries no upper-layer header. */
static __always_inline int ipv4_later_fragment(const struct iphdr *ip)
{
	return ip->frag_off & bpf_htons(IP_OFFSET);
}

/* IPv6 with version 6; the cursor moves past the fixed header, to the first extension header if any. */
static __always_inline int parse_ipv6(void **cursor, void *end, struct ipv6hdr **hdr)
{
	struct ipv6hdr *ip6 = *cursor;
	if ((void *)(ip6 + 1) > end || ip6->version != 6)
		return -1;
	*hdr = ip6;
	*cursor = ip6 + 1;
	return 0;
}

static __always_inline int ipv6_is_ext(__u8 nexthdr)
{
	return nexthdr == IPPROTO_HOPOPTS || nexthdr == IPPROTO_ROUTING || nexthdr == IPPROTO_FRAGMENT ||
	       nexthdr == IPPROTO_AH || nexthdr == IPPROTO_DSTOPTS;
}

/* Walks up to MAX_EXT_HDRS extension headers from *cursor, nexthdr being the IPv6 header's Next Header: the
 * upper-layer protocol, with the cursor moved to its header; IPPROTO_NONE, with the cursor NULL, for a non-first
 * fragment, a chain cut short or one of more than MAX_EXT_HDRS headers. Whether the upper-layer header is inside the
 * packet is left to its parser. */
static __always_inline __u8 ipv6_skip_ext(void **cursor, void *end, __u8 nexthdr)
{
#pragma unroll
	for (int i = 0; i < MAX_EXT_HDRS; i++) {
		struct ipv6_opt_hdr *opt = *cursor;
		if (!ipv6_is_ext(nexthdr))
			return nexthdr;
		if ((void *)opt + 8 > end)
			goto none;
		if (nexthdr == IPPROTO_FRAGMENT) {
			if (((struct ipv6_frag_hdr *)opt)->frag_off & bpf_htons(IP6_OFFSET))
				goto none;
			*cursor += sizeof(struct ipv6_frag_hdr);
		} else if (nexthdr == IPPROTO_AH) {
			*cursor += (opt->hdrlen + 2) * 4;
		} else {
			*cursor += (opt->hdrlen + 1) * 8;
		}
		nexthdr = opt->nexthdr;
	}
	if (!ipv6_is_ext(nexthdr))
		return nexthdr;
none:
	*cursor = NULL;
	return IPPROTO_NONE;
}

/* TCP with a data offset >= 5 and its options inside the packet; the cursor moves past the options. */
static __always_inline int parse_tcp(void **cursor, void *end, struct tcphdr **hdr)
{
	struct tcphdr *tcp = *cursor;
	if ((void *)(tcp + 1) > end || tcp->doff < 5)
		return -1;
	void *next = *cursor + tcp->doff * 4;
	if (next > end)
		return -1;
	*hdr = tcp;
	*cursor = next;
	return 0;
}

/* Moves the cursor past a fixed-size header of size bytes. */
static __always_inline int skip_hdr(void **cursor, void *end, __u32 size)
{
	if (*cursor + size > end)
		return -1;
	*cursor += size;
	return 0;
}

static __always_inline int parse_udp(void **cursor, void *end, struct udphdr **hdr)
{
	*hdr = *cursor;
	return skip_hdr(cursor, end, sizeof(**hdr));
}

static __always_inline int parse_icmp(void **cursor, void *end, struct icmphdr **hdr)
{
	*hdr = *cursor;
	return skip_hdr(cursor, end, sizeof(**hdr));
}

static __always_inline int parse_icmp6(void **cursor, void *end, struct icmp6hdr **hdr)
{
	*hdr = *cursor;
	return skip_hdr(cursor, end, sizeof(**hdr));
}

/* Folds a 32-bit one's-complement sum to 16 bits and complements it: the checksum field's value. */
static __always_inline __sum16 csum_fold(__u32 sum)
{
	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	return ~sum;
}

/* RFC 1624 eqn. 3: updates the checksum *sum after a 16-bit word it covers changes from old to new. */
static __always_inline void csum_replace2(__sum16 *sum, __be16 old, __be16 new)
{
	*sum = csum_fold((__u16)~*sum + (__u16)~old + (__u16)new);
}

#endif /* BENCH_PARSING_H */
