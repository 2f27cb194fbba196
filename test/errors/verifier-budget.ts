// Programs the kernel verifier could not finish: check estimates its work and names the construct that costs the most.
export class Budget {
  @xdp
  static nested(ctx: XdpContext): XdpAction {
    for (const i of range(64)) { //! TSBPF1090
      for (const j of range(16)) {
        const udp = ctx.eth()?.ipv6()?.udp();
        if (udp && udp.dport == i + j) return XdpAction.Drop;
      }
    }
    return XdpAction.Pass;
  }

  // about 160,000 steps by estimate: the verifier can need up to 8 times that, so check cannot promise it fits
  @xdp
  static close(ctx: XdpContext): XdpAction {
    for (const i of range(128)) { //! TSBPF1090
      const udp = ctx.eth()?.ipv6()?.udp();
      if (udp && udp.dport == i) return XdpAction.Drop;
    }
    return XdpAction.Pass;
  }
}
