// Indexes the checker proves and the verifier must accept: x % N, x & M (x & 0 too), and a u8 into an array of 256.
const out = new ArrayMap<u64>(4);

export class Indexes {
  @xdp
  static indexes(ctx: XdpContext): XdpAction {
    const eth = ctx.eth();
    if (!eth) return XdpAction.Pass;
    let table: FixedArray<u8, 256> = [];
    const small: u8 = u8(eth.etherType);
    table[small] = 7;
    out.set(0, u64(eth.src.bytes[u32(eth.etherType) % 6]));
    out.set(1, u64(eth.src.bytes[u32(eth.etherType) & 3]));
    out.set(2, u64(eth.src.bytes[u32(eth.etherType) & 0]));
    out.set(3, u64(table[u8(eth.etherType)]));
    return XdpAction.Pass;
  }
}
