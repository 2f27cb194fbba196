// BPF has 512 bytes of stack for a program and the @noinline functions it calls: tsbpf check estimates it and names who needs more.
interface Block { data: FixedArray<u8, 300> }
const blocks = new ArrayMap<Block>(2);

/** @noinline */
function scratch(i: u32): u32 { //! TSBPF1058
  let big: FixedArray<u8, 600> = [];
  big[i % 600] = 1;
  return big[(i + 1) % 600];
}

/** @noinline */
function deep(i: u32): u32 {
  let half: FixedArray<u8, 300> = [];
  half[i % 300] = 1;
  return half[(i + 3) % 300];
}

function inlined(i: u32): u32 {
  let part: FixedArray<u8, 200> = [];
  part[i % 200] = 2;
  return part[(i + 5) % 200];
}

export class P {
  @xdp
  static twoArrays(ctx: XdpContext): XdpAction { //! TSBPF1058
    let a: FixedArray<u8, 300> = [];
    let b: FixedArray<u8, 300> = [];
    a[ctx.rxQueueIndex % 300] = 1;
    b[ctx.rxQueueIndex % 300] = a[(ctx.rxQueueIndex + 1) % 300];
    return b[5] == 1 ? XdpAction.Drop : XdpAction.Pass;
  }

  @xdp
  static siblings(ctx: XdpContext): XdpAction {
    // one branch runs at a time: the two arrays share their space
    if (ctx.rxQueueIndex == 0) {
      let a: FixedArray<u8, 300> = [];
      a[ctx.ingressIfindex % 300] = 1;
      return a[3] == 1 ? XdpAction.Drop : XdpAction.Pass;
    } else {
      let b: FixedArray<u8, 300> = [];
      b[ctx.ingressIfindex % 300] = 1;
      return b[3] == 1 ? XdpAction.Drop : XdpAction.Pass;
    }
  }

  @xdp
  static loopBody(ctx: XdpContext): XdpAction { //! TSBPF1058
    // clang may keep a loop body's array in its slot after the loop: check counts it beside the log record and map key
    for (const i of range(0, 3)) {
      let a: FixedArray<u64, 60> = [];
      a[(ctx.rxQueueIndex + i) % 60] = 1;
      if (a[7] == 1) return XdpAction.Drop;
    }
    log.info("queue %u", ctx.rxQueueIndex);
    if (blocks.get(1)) return XdpAction.Drop;
    return XdpAction.Pass;
  }

  @xdp
  static chain(ctx: XdpContext): XdpAction { //! TSBPF1058
    // 300 bytes here and 300 in deep()'s frame: one call chain shares the 512
    let mine: FixedArray<u8, 300> = [];
    mine[ctx.rxQueueIndex % 300] = u8(deep(ctx.ingressIfindex));
    return mine[1] == 0 ? XdpAction.Pass : XdpAction.Drop;
  }

  @xdp
  static inlinedFrames(ctx: XdpContext): XdpAction { //! TSBPF1058
    // an inlined function's locals join the caller's frame while it runs
    let mine: FixedArray<u8, 320> = [];
    mine[ctx.rxQueueIndex % 320] = u8(inlined(ctx.ingressIfindex));
    return mine[1] == 0 ? XdpAction.Pass : XdpAction.Drop;
  }

  @xdp
  static mapValues(ctx: XdpContext): XdpAction { //! TSBPF1058
    const r = blocks.get(0);
    if (!r) return XdpAction.Pass;
    let copy: Block = r;
    blocks.set(1, copy);
    return XdpAction.Pass;
  }
}
