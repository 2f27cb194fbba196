// Struct copies of every size: map values bigger than clang copies inline (1024 bytes), nested structs, arrays of structs, FixedArray locals.
interface Inner { words: FixedArray<u64, 300> }
interface Huge { inner: Inner; bytes: FixedArray<u8, 1500>; tag: u32 }
interface Small { a: u16; b: FixedArray<u8, 6> }
interface Items { list: FixedArray<Small, 30> }
interface Mid { items: Items; n: u32 }
const huge = new ArrayMap<Huge>(2);
const mids = new ArrayMap<Mid>(2);
const out = new ArrayMap<u64>(4);

export class Copies {
  @xdp
  static copies(ctx: XdpContext): XdpAction {
    const src = huge.get(0);
    const dst = huge.get(1);
    if (!src || !dst) return XdpAction.Pass;
    src.inner.words[299] = 0x1122334455667788;
    src.bytes[1499] = 0x99;
    src.tag = 7;
    dst.inner = src.inner; // 2400 bytes, map to map
    dst.inner = ctx.ingressIfindex == 12345 ? dst.inner : src.inner;
    dst.bytes[0] = 1;
    dst.tag = ctx.rxQueueIndex == 0 ? src.tag : 0;
    const m0 = mids.get(0);
    const m1 = mids.get(1);
    if (!m0 || !m1) return XdpAction.Pass;
    m0.items.list[29] = { a: 5, b: [1, 2, 3, 4, 5, 6] };
    m0.n = 30;
    let local: Mid = m0; // 364 bytes onto the stack
    local.n = local.n + 1;
    m1.items = local.items;
    m1.n = local.n;
    let pair: FixedArray<Small, 2> = [{ a: 1, b: [] }, local.items.list[29]];
    out.set(0, dst.inner.words[299]);
    out.set(1, u64(m1.items.list[29].b[5]) + u64(pair[1].a) + u64(m1.n));
    return XdpAction.Pass;
  }
}
