/* XDP program Options.fragments */
#line 4 "options.ts"
SEC("xdp.frags") int fragments(struct xdp_md *ctx)
{
#line 5 "options.ts"
	return tsbpf_xdp_eth(ctx).ok ? XDP_PASS : XDP_ABORTED;
}
