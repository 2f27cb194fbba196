// A probe that imports a constant, an enum and a helper from its own file.
import { Verdict, verdictFor } from "./imports/ports";

export class Imports {
  @xdp
  static imports(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Pass;
    return verdictFor(tcp.dport) == Verdict.Deny ? XdpAction.Drop : XdpAction.Pass;
  }
}
