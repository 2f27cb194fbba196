// Every kernel helper tsbpf calls except bpf_trace_printk, in a probe built with a license that is not GPL-compatible: the kernel takes it.
const counts = new HashMap<u32, u64>(16);
const slots = new ArrayMap<u64>(4);
const events = new RingBuf<u64>(4096);
const devices = new DevMap(4);
const programs = new ProgArray(4);

export class Free {
  @xdp
  static free(ctx: XdpContext): XdpAction {
    const t = ktimeNs() + bootNs() + u64(randomU32()) + u64(cpuId());
    counts.increment(1);
    counts.set(2, t);
    counts.delete(3);
    const r = slots.get(0);
    if (r) r.value = t;
    events.output(t);
    log.info("t=%u", t);
    programs.tailCall(ctx, 0);
    if (!ctx.adjustMeta(0) || !ctx.adjustTail(0) || !ctx.adjustHead(0)) return XdpAction.Aborted;
    if (t == 1) return redirect(2);
    return devices.redirect(0, XdpAction.Pass);
  }

  @socketFilter
  static copy(ctx: SkBuffContext): SocketAction {
    const ip = ctx.eth()?.ipv4();
    return ip && ip.ttl == 1 ? SocketAction.Drop : SocketAction.Accept;
  }
}
