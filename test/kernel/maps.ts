// Every map kind, used from programs: the kernel test runs packets through them and reads the maps back through the manifest.

interface Flow { saddr: u32; daddr: u32; sport: u16; dport: u16 }
interface Stats { packets: u64; bytes: u64 }
interface Event { sport: u16; dport: u16; seq: u32; stamp: u64 }

const flows = new HashMap<Flow, Stats>(1024);
const lastSeen = new LruHashMap<u32, u64>(4);
const portsPerCpu = new PerCpuHashMap<u16, u64>(64);
const counters = new ArrayMap<u64>(8);
const perCpu = new PerCpuArray<u32>(4);
const blocked = new LpmTrie<Ipv4Prefix, u32>(64);
const blocked6 = new LpmTrie<Ipv6Prefix, u32>(16);
const lastMatch = new ArrayMap<u32>(1);
const events = new RingBuf<Event>(16384);
const ports = new DevMap(4);
const sockets = new XskMap(4);
const jumps = new ProgArray(4);
const cfg = config({ blockedPort: u16(22), dropAll: false, shift: i8(-3) });

export class Maps {
  /** Counts packets and bytes per TCP flow (struct key, struct value written through the reference). */
  @xdp
  static countFlows(ctx: XdpContext): XdpAction {
    const ip = ctx.eth()?.ipv4();
    const tcp = ip?.tcp();
    if (!ip || !tcp) return XdpAction.Pass;
    const key: Flow = { saddr: ip.saddr, daddr: ip.daddr, sport: tcp.sport, dport: tcp.dport };
    const stats = flows.get(key);
    if (stats) {
      stats.packets += 1;
      stats.bytes += ip.totalLength;
    } else {
      flows.set(key, { packets: 1, bytes: ip.totalLength }, MapUpdate.NoExist);
    }
    if (tcp.rst) flows.delete(key);
    lastSeen.set(ip.saddr, u64(tcp.seq));
    portsPerCpu.increment(tcp.dport, 2);
    counters.increment(0);
    counters.increment(u32(tcp.dport & 7), u64(ip.ttl));
    perCpu.increment(3);
    const total = counters.get(0);
    if (total && total.value > 1000) return XdpAction.Drop;
    return XdpAction.Pass;
  }

  /** Longest-prefix match on the source address; the matched value goes to lastMatch[0]. */
  @xdp
  static prefixes(ctx: XdpContext): XdpAction {
    const ip = ctx.eth()?.ipv4();
    if (!ip) return XdpAction.Pass;
    const hit = blocked.get({ prefixLen: 32, addr: ip.saddr });
    lastMatch.set(0, hit ? hit.value : 0);
    if (!hit) return XdpAction.Pass;
    hit.value += 100;
    // the program can store prefixes too: the destination's /24
    blocked.set({ prefixLen: 24, addr: ip.daddr }, 77);
    return XdpAction.Drop;
  }

  /** An IPv6 prefix key built in the program: 2001:db8::/32. */
  @xdp
  static prefixes6(ctx: XdpContext): XdpAction {
    let key: Ipv6Prefix = { prefixLen: 32, addr: [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1] };
    blocked6.set(key, 6);
    key.prefixLen = 128;
    const hit = blocked6.get(key);
    return hit && hit.value == 6 ? XdpAction.Drop : XdpAction.Pass;
  }

  /** One record per TCP packet into the ring buffer. */
  @xdp
  static ring(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (!tcp) return XdpAction.Pass;
    const ok = events.output({ sport: tcp.sport, dport: tcp.dport, seq: tcp.seq, stamp: ktimeNs() });
    return ok ? XdpAction.Drop : XdpAction.Aborted;
  }

  @xdp
  static toDevice(ctx: XdpContext): XdpAction {
    return ports.redirect(0, XdpAction.Pass);
  }

  @xdp
  static toSocket(ctx: XdpContext): XdpAction {
    return sockets.redirect(1, XdpAction.Drop);
  }

  @xdp
  static jump(ctx: XdpContext): XdpAction {
    jumps.tailCall(ctx, 2);
    return XdpAction.Pass;
  }

  @xdp
  static jumpTarget(ctx: XdpContext): XdpAction {
    return XdpAction.Tx;
  }

  /** Load-time constants: dropAll, or the blocked TCP port. */
  @xdp
  static configured(ctx: XdpContext): XdpAction {
    if (cfg.dropAll) return XdpAction.Drop;
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (tcp && tcp.dport == cfg.blockedPort) return XdpAction.Drop;
    return XdpAction.Pass;
  }
}
