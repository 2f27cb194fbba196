// Legal code clang once warned about in the generated C (found by the fuzzer): no tsbpf warning, and clang must stay silent too.
type Pair = { f1: i8; f2: i8 };

/** @noinline */
function pick(p1: i8, p2: i8, p3: i8, p4: i8): i8 {
  return p4;
}

export class Quiet {
  @xdp
  static quiet(ctx: XdpContext): XdpAction {
    // 2 ^ 0 is an exclusive or in TypeScript (clang: -Wxor-used-as-pow)
    let pair: Pair = { f1: i8(0), f2: pick(pick(i8(0), i8(0), i8(0), i8(2) ^ i8(0)), i8(0), i8(0), i8(0)) };
    // an adjustment's result dropped (clang: -Wunused-comparison)
    ctx.adjustHead(i32(0));
    const geneve = ctx.packet().vxlan()?.eth()?.arp()?.payload()?.geneve();
    if (geneve == null) return XdpAction.Aborted;
    // operators of a shift or a bitwise operation (clang: -Wshift-op-parentheses, -Wbitwise-op-parentheses)
    geneve.vni = (u32(1) - u32(0)) << u8(pair.f2);
    geneve.vni = ((u32(1) + u32(2)) & u32(ctx.rxQueueIndex)) | (u32(3) ^ (u32(ctx.ingressIfindex) >> (u8(1) + u8(1))));
    return XdpAction.Tx;
  }
}
