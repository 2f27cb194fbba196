// Programs belong in the file given to tsbpf, not in the files it imports (the class is reported at line 2 of the import).
import { Elsewhere } from "./support/with-class"; //! TSBPF1034
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    return XdpAction.Pass;
  }
}
