// A map the kernel cannot allocate: 2^28 hash buckets of 16 bytes pass 4 GiB, so map creation fails with E2BIG before allocating anything.
const big = new HashMap<u32, u64>(1 << 28);

export class BigMap {
  @xdp
  static count(ctx: XdpContext): XdpAction {
    const seen = big.get(ctx.ingressIfindex);
    return seen ? XdpAction.Drop : XdpAction.Pass;
  }
}
