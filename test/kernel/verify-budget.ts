// Past the verifier's budget by construction: twenty UDP headers that may each be missing, all used at the end, leave
// the verifier 2^20 states to walk apart (packet pointers and their absence cannot be merged; no loop involved).
export class Budget {
  @xdp
  static paths(ctx: XdpContext): XdpAction {
    const u0 = ctx.eth()?.ipv4()?.udp();
    const u1 = ctx.eth()?.ipv4()?.udp();
    const u2 = ctx.eth()?.ipv4()?.udp();
    const u3 = ctx.eth()?.ipv4()?.udp();
    const u4 = ctx.eth()?.ipv4()?.udp();
    const u5 = ctx.eth()?.ipv4()?.udp();
    const u6 = ctx.eth()?.ipv4()?.udp();
    const u7 = ctx.eth()?.ipv4()?.udp();
    const u8 = ctx.eth()?.ipv4()?.udp();
    const u9 = ctx.eth()?.ipv4()?.udp();
    const u10 = ctx.eth()?.ipv4()?.udp();
    const u11 = ctx.eth()?.ipv4()?.udp();
    const u12 = ctx.eth()?.ipv4()?.udp();
    const u13 = ctx.eth()?.ipv4()?.udp();
    const u14 = ctx.eth()?.ipv4()?.udp();
    const u15 = ctx.eth()?.ipv4()?.udp();
    const u16 = ctx.eth()?.ipv4()?.udp();
    const u17 = ctx.eth()?.ipv4()?.udp();
    const u18 = ctx.eth()?.ipv4()?.udp();
    const u19 = ctx.eth()?.ipv4()?.udp();
    let sum: u32 = 0;
    if (u0) sum += u0.dport;
    if (u1) sum += u1.dport;
    if (u2) sum += u2.dport;
    if (u3) sum += u3.dport;
    if (u4) sum += u4.dport;
    if (u5) sum += u5.dport;
    if (u6) sum += u6.dport;
    if (u7) sum += u7.dport;
    if (u8) sum += u8.dport;
    if (u9) sum += u9.dport;
    if (u10) sum += u10.dport;
    if (u11) sum += u11.dport;
    if (u12) sum += u12.dport;
    if (u13) sum += u13.dport;
    if (u14) sum += u14.dport;
    if (u15) sum += u15.dport;
    if (u16) sum += u16.dport;
    if (u17) sum += u17.dport;
    if (u18) sum += u18.dport;
    if (u19) sum += u19.dport;
    return sum == 7 ? XdpAction.Drop : XdpAction.Pass;
  }
}
