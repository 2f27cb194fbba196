// tsbpf fuzz regression: clang error: Looks like the BPF stack limit of N bytes is exceeded. Please move large on stack variables into BPF per-cpu array map
// expect: rejected TSBPF1058 (the stack estimate refuses it before clang)
// Found by seed 3333, program 1208 (medium), shrunk; make fuzz SEED=3333 ONLY=1208 finds the original.
// error: Looks like the BPF stack limit of 512 bytes is exceeded. Please move large on stack variables into BPF per-cpu array map.
interface S1 { f1: FixedArray<u32, 4>; f3: i8; f5: u8; pad1: u8; pad2: u8 }
const map1 = new LpmTrie<Ipv6Prefix, S1>(1024);
export class Probe1 {
  @xdp
  static prog1(ctx: XdpContext): XdpAction {
    const ipv41 = ctx.packet().gre()?.ipv4();
    if (!ipv41) {
      return false ? XdpAction.Pass : XdpAction.Pass;
    }
    let n1: u64 = ipv41.payload().u64(0);
    map1.set({ prefixLen: 82, addr: [] }, { f1: [], f3: 0, f5: 0, pad1: 0, pad2: 0 });
    let arr1: FixedArray<S1, 24> = [];
    arr1[u8(0)].pad2 >>= 0;
    return false ? XdpAction.Drop : XdpAction.Aborted;
  }
}
