// Rewrites the source address of IPv6 packets (extension headers walked, VLANs looked through) to fd00::1, keeping the TCP, UDP or ICMPv6 checksum valid, and sends them back out; everything else passes.
export class Ipv6Nat {
  @xdp
  static ipv6Nat(ctx: XdpContext): XdpAction {
    const ip = ctx.eth()?.ipv6();
    if (!ip) return XdpAction.Pass;
    ip.saddr = { bytes: [0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1] };
    return XdpAction.Tx;
  }
}
