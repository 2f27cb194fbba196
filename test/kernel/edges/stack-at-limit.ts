// Stack use the estimate accepts, near BPF's 512 bytes: clang compiles it and the verifier takes it.
const out = new ArrayMap<u64>(4);

/** @noinline */
function deep(i: u32): u32 {
  let half: FixedArray<u8, 200> = [];
  for (const j of range(0, 200)) half[j] = u8(j + i);
  return half[(i + 3) % 200];
}

function inlined(i: u32): u32 {
  let part: FixedArray<u8, 200> = [];
  for (const j of range(0, 200)) part[j] = u8(j * i);
  return part[(i + 5) % 200];
}

export class Stack {
  /** Three calls of a function with a 200-byte local: each call's frame ends before the next begins. */
  @xdp
  static inlinedFrames(ctx: XdpContext): XdpAction {
    const x = inlined(ctx.rxQueueIndex) + inlined(ctx.ingressIfindex) + inlined(1);
    out.set(3, u64(x));
    return XdpAction.Pass;
  }

  @xdp
  static nearLimit(ctx: XdpContext): XdpAction {
    let a: FixedArray<u8, 480> = [];
    for (const i of range(0, 480)) a[i] = u8(i + ctx.ingressIfindex);
    out.set(0, u64(a[ctx.rxQueueIndex % 480]) + u64(a[(ctx.rxQueueIndex + 7) % 480]));
    return XdpAction.Pass;
  }

  @xdp
  static siblings(ctx: XdpContext): XdpAction {
    if (ctx.rxQueueIndex == 0) {
      let a: FixedArray<u8, 300> = [];
      for (const i of range(0, 300)) a[i] = u8(i);
      out.set(1, u64(a[ctx.ingressIfindex % 300]));
    } else {
      let b: FixedArray<u8, 300> = [];
      for (const i of range(0, 300)) b[i] = u8(i + 1);
      out.set(1, u64(b[ctx.ingressIfindex % 300]));
    }
    return XdpAction.Pass;
  }

  @xdp
  static chain(ctx: XdpContext): XdpAction {
    let mine: FixedArray<u8, 200> = [];
    mine[ctx.rxQueueIndex % 200] = u8(deep(ctx.ingressIfindex));
    out.set(2, u64(mine[0]));
    return XdpAction.Pass;
  }
}
