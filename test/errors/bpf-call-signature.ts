// A @noinline function is a real BPF-to-BPF call: registers only, so at most five scalars in and one out.
interface Pair { a: u32; b: u32 }

/** @noinline */
function six(a: u8, b: u8, c: u8, d: u8, e: u8, f: u8): u8 { //! TSBPF1041
  return a + b + c + d + e + f;
}

/** @noinline */
function byStruct(p: Pair): u32 { //! TSBPF1041
  return p.a;
}

/** @noinline */
function makePair(a: u32): Pair { //! TSBPF1041
  return { a, b: a };
}

export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    return XdpAction.Pass;
  }
}
