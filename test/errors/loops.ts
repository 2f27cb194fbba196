// Loops must have a bound the compiler proves, at most 1024 iterations.
export class P {
  @xdp
  static p(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Pass;
    let n: u32 = 0;
    for (let i = 0; i < tcp.dport; i++) n += 1; //! TSBPF1003
    for (let i = 0; i < 10; i++) { i = i + 2; } //! TSBPF1003
    for (let i: u8 = 0; i <= 255; i++) n += 1; //! TSBPF1003
    for (let i = 0; i < 5000; i++) n += 1; //! TSBPF1021
    for (const i of range(0, 2000)) n += i; //! TSBPF1021
    let k: u32 = 0;
    while (k < 10) { if (n == 3) continue; k++; } //! TSBPF1003
    while (tcp.dport > 3) { n += 1; } //! TSBPF1003
    do { n += 1; } while (n < 10); //! TSBPF1003
    return XdpAction.Pass;
  }
}
