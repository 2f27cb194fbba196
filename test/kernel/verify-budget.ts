// Past the verifier's budget by construction: 20 branches each leave a different offset, and the packet read at that offset
// makes the verifier keep every one of the 2^20 paths apart (no loop, nothing a better code generator could merge).
export class Budget {
  @xdp
  static paths(ctx: XdpContext): XdpAction {
    const bits = ctx.ingressIfindex;
    let off: u32 = 0;
    if ((bits & 1) != 0) off = off + 1;
    if ((bits & 2) != 0) off = off + 2;
    if ((bits & 4) != 0) off = off + 3;
    if ((bits & 8) != 0) off = off + 4;
    if ((bits & 16) != 0) off = off + 5;
    if ((bits & 32) != 0) off = off + 6;
    if ((bits & 64) != 0) off = off + 7;
    if ((bits & 128) != 0) off = off + 8;
    if ((bits & 256) != 0) off = off + 9;
    if ((bits & 512) != 0) off = off + 10;
    if ((bits & 1024) != 0) off = off + 11;
    if ((bits & 2048) != 0) off = off + 12;
    if ((bits & 4096) != 0) off = off + 13;
    if ((bits & 8192) != 0) off = off + 14;
    if ((bits & 16384) != 0) off = off + 15;
    if ((bits & 32768) != 0) off = off + 16;
    if ((bits & 65536) != 0) off = off + 17;
    if ((bits & 131072) != 0) off = off + 18;
    if ((bits & 262144) != 0) off = off + 19;
    if ((bits & 524288) != 0) off = off + 20;
    const b = ctx.packet().u8(off);
    return b == 7 ? XdpAction.Drop : XdpAction.Pass;
  }
}
