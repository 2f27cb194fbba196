// tsbpf fuzz regression: build diagnostic after check: TSBPF3004
// expect: rejected TSBPF1058 (the stack estimate keeps 64 bytes a frame for clang's spills: a 456-byte array left clang too little)
// Found by seed 3349117144, program 222 (medium), shrunk; make fuzz SEED=3349117144 ONLY=222 finds the original.
export class Probe2 {
  @socketFilter
  static prog2(ctx: SkBuffContext): SocketAction {
    for (let ix1: u16 = 2; ix1 < 3; ix1 += 1) {
      let arr1: FixedArray<u64, 57> = [];
      let n2: u32 = (false || (arr1[ix1] < ctx.ifindex)) ? 0 : u32(0);
    }
    let n5: u32 = 0 ^ ctx.mark;
    const vxlan1 = ctx.eth()?.vlan(0)?.payload()?.udp()?.vxlan();
    for (const ix2 of range(3, 4)) {
      switch (n5) {
        case 0: {
        }
        case 3: {
          const udp1 = vxlan1?.eth()?.ipv6()?.udp();
        }
      }
    }
    return SocketAction.Drop;
  }
}
