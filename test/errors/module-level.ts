// A probe holds consts, functions and program classes; nothing else at module level.
import * as ports from "./support/ports"; //! TSBPF1013
let counter = 0; //! TSBPF1014
type Port = u16; //! TSBPF1014
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    return XdpAction.Pass;
  }
  static helper(): u32 { //! TSBPF1015
    return 1;
  }
}
