// tsbpf fuzz regression: verifier: BPF program is too large (1M processed instructions)
// Found by seed 20261302, program 1155 (medium), shrunk; make fuzz SEED=20261302 ONLY=1155 finds the original.
// A parameter's field compared with a constant in a 256-trip loop: narrowed on one side, a new path on every trip.
type S1 = { f3: u32 };
const cfg1 = config({ opt1: i16(0), opt2: u64(0), opt3: u64(0), opt4: i8(0) });
function fn2(p1: S1, p2: i16): bool {
  for (const ix1 of range(256)) {
    trace("proto seen=%x seen=%d proto=%x", 0, (0 == cfg1.opt3) || (p1.f3 != 0x3e0f22ae), 0);
  }
  return false;
}
export class Probe1 {
  @socketFilter
  static prog1(ctx: SkBuffContext): SocketAction {
    const ipv41 = ctx.eth()?.ipv4();
    const b1: bool = fn2({ f3: ctx.len }, 0);
    const ethernet1 = ipv41?.tcp()?.payload()?.eth();
    return SocketAction.Accept;
  }
}
