// Past the verifier's budget by construction: 20 branches on 20 packet bytes each add a different power of two to an
// offset, and the packet read at that offset makes the verifier keep all 2^20 offsets apart (no loop, nothing a code
// generator could merge).
export class Budget {
  @xdp
  static paths(ctx: XdpContext): XdpAction {
    const c = ctx.packet();
    let off: u32 = 0;
    if (c.u8(0) == 1) off = off + 1;
    if (c.u8(1) == 1) off = off + 2;
    if (c.u8(2) == 1) off = off + 4;
    if (c.u8(3) == 1) off = off + 8;
    if (c.u8(4) == 1) off = off + 16;
    if (c.u8(5) == 1) off = off + 32;
    if (c.u8(6) == 1) off = off + 64;
    if (c.u8(7) == 1) off = off + 128;
    if (c.u8(8) == 1) off = off + 256;
    if (c.u8(9) == 1) off = off + 512;
    if (c.u8(10) == 1) off = off + 1024;
    if (c.u8(11) == 1) off = off + 2048;
    if (c.u8(12) == 1) off = off + 4096;
    if (c.u8(13) == 1) off = off + 8192;
    if (c.u8(14) == 1) off = off + 16384;
    if (c.u8(15) == 1) off = off + 32768;
    if (c.u8(16) == 1) off = off + 65536;
    if (c.u8(17) == 1) off = off + 131072;
    if (c.u8(18) == 1) off = off + 262144;
    if (c.u8(19) == 1) off = off + 524288;
    const b = c.u8(off);
    return b == 7 ? XdpAction.Drop : XdpAction.Pass;
  }
}
