// tsbpf fuzz regression: clang warning: no case matching constant switch condition 'N'
// Found by seed 2277324824, program 144 (large), shrunk, before the generator learnt generic helpers (its stream changed).
// warning: no case matching constant switch condition '0'
export class Probe1 {
  @xdp
  static prog2(ctx: XdpContext): XdpAction {
    switch (u32(false)) {
      case 18: {
      }
    }
    return false ? XdpAction.Tx : XdpAction.Redirect;
  }
}
