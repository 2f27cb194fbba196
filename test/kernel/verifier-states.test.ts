// What the verifier walks, measured in the kernel: path-dependent bools stay one state, and the estimate covers parses in loops.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { build } from "../../compiler/build.js";
import { checkProbe } from "../../compiler/check/index.js";
import { ESTIMATE_MARGIN } from "../../compiler/check/cost.js";
import { loadProbe } from "../../compiler/frontend/project.js";
import { verifyObject } from "../../compiler/loader/verify.js";
import { describeKernel } from "../support/kernel.js";

const work = mkdtempSync(join(tmpdir(), "tsbpf-verifier-states-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The estimate of `tsbpf check` and the instructions the kernel verifier processed, for a probe of one program. */
async function measure(name: string, source: string): Promise<{ estimate: number; processed: number }> {
  const file = join(work, `${name}.ts`);
  writeFileSync(file, source);
  const estimate = [...checkProbe(loadProbe(file)).costs.values()][0]!.steps;
  const built = await build(file, { outDir: join(work, name), kernelDecides: true, verify: false });
  const [program] = (await verifyObject(built.objectFile, built.manifest)).programs;
  expect(program!.loaded, program!.log?.split("\n").slice(-3).join("\n")).toBe(true);
  return { estimate, processed: program!.verified! };
}

/** Eight flags kept in an array read at a variable index: comparisons of maybe-missing headers, or constants. */
const flags = (values: string) => `const counts = new ArrayMap<u64>(8);
export class Probe {
  @xdp
  static prog(ctx: XdpContext): XdpAction {
    const eth = ctx.eth();
    const ip4 = eth?.ipv4();
    const ip6 = eth?.ipv6();
    const udp = ip4?.udp();
    const tcp = ip4?.tcp();
    const seen: FixedArray<bool, 8> = [${values}];
    if (seen[ctx.rxQueueIndex & 7]) counts.increment(ctx.rxQueueIndex & 7);
    const inner = ip4?.gre()?.ipv4()?.udp();
    if (inner) counts.increment(1);
    const v6 = ip6?.udp();
    if (v6) counts.increment(2);
    return XdpAction.Pass;
  }
}
`;

/** A header parsed in a loop of `trips` (from `h`, declared before it, or from the context), its result unused, so its absence carries on into the next iteration. */
const parseInLoop = (kind: "xdp" | "socketFilter", setup: string, parse: string, trips: number) => {
  const [context, action, pass] = kind === "xdp" ? ["XdpContext", "XdpAction", "Pass"] : ["SkBuffContext", "SocketAction", "Accept"];
  return `export class Probe {
  @${kind}
  static prog(ctx: ${context}): ${action} {
    const h = ${setup};
    if (!h) return ${action}.${pass};
    for (const i of range(0, ${trips})) {
      const x = ${parse};
    }
    return ${action}.${pass};
  }
}
`;
};

/** A header parsed afresh from the context on every trip of a loop of `trips`, its result tested and counted. */
const countInLoop = (parse: string, test: string, trips: number) => `const m = new ArrayMap<u64>(4);
export class Probe {
  @xdp
  static prog(ctx: XdpContext): XdpAction {
    for (const i of range(0, ${trips})) {
      const h = ${parse};
      if (h && ${test}) m.increment(1);
    }
    return XdpAction.Pass;
  }
}
`;

/** A field of `h` (declared before the loop) written on every trip of a tc program's loop of `trips`. */
const writeInLoop = (setup: string, write: string, trips: number) => `export class Probe {
  @tc
  static prog(ctx: TcContext): TcAction {
    const h = ${setup};
    if (!h) return TcAction.Ok;
    for (let i: u32 = 0; i < ${trips}; i++) {
      ${write};
    }
    return TcAction.Ok;
  }
}
`;

/** IPv4 behind an Ethernet header (tags looked through), with work after the parse; `test` may read the Ethernet header. */
const afterEthernet = (test: string) => `const m = new ArrayMap<u64>(8);
export class Probe {
  @xdp
  static prog(ctx: XdpContext): XdpAction {
    const eth = ctx.eth();
    const ip = eth?.ipv4();
    if (!eth || !ip || ${test}) return XdpAction.Pass;
    if (ip.ttl < 2) m.increment(1);
    if (ip.protocol == 17) m.increment(2);
    if (ip.daddr == 0x0a000002) m.increment(3);
    if (ip.saddr == 0x0a000001) m.increment(4);
    return XdpAction.Drop;
  }
}
`;

describeKernel("the verifier's walk", () => {
  // the tag count was computed from the Ethernet header's own pointer, which kept it alive past the parse: a tagged
  // frame's pointer has more bytes proven than an untagged one's, so the verifier walked what follows once per number
  // of tags (ipip-encap in bench/: 224 steps, 169 with the count kept as a value of its own)
  it("walks what follows an Ethernet header once for 0, 1 or 2 tags when the program reads the tag count", async () => {
    const counted = await measure("vlan-count-read", afterEthernet("eth.vlanCount == 2"));
    const plain = await measure("vlan-count-unread", afterEthernet("ip.tos == 1"));
    expect(counted.processed).toBeLessThan(plain.processed + 20);
  }, 60_000);

  // a program that refuses tagged frames before anything depends on their tags gets an Ethernet parse that does not
  // walk them (lower/tag-refusal.ts): one path through it instead of three (0, 1 or 2 tags)
  it("walks one path through an Ethernet header whose program refuses tagged frames", async () => {
    const refusing = await measure("vlan-refused", afterEthernet("eth.vlanCount != 0"));
    const plain = await measure("vlan-walked", afterEthernet("ip.tos == 1"));
    expect(refusing.processed).toBeLessThan(0.85 * plain.processed);
  }, 60_000);

  it("walks bools computed on different paths as one state: stored in an array, they cost little more than constants", async () => {
    // a comparison is a jump in BPF: converted to _Bool after being made unknown, it was compared again, and each path
    // stored its own constant 0 or 1 in the stack, which kept the states apart (8.7 times the constants' walk)
    const computed = await measure("flags-computed", flags("eth != null, ip4 != null, ip6 != null, udp != null, tcp != null, ip4 != null && ip4.ttl > 1, udp != null && udp.dport == 53, tcp != null && tcp.syn"));
    const constant = await measure("flags-constant", flags("true, false, true, false, true, false, true, false"));
    expect(computed.processed).toBeLessThan(2 * constant.processed);
  }, 60_000);

  // parsed from a header declared before the loop, a header's absence once left states that walked again through the
  // iterations after it, the verifier's work growing with the square of the trips (a socket filter's 256-trip loop
  // took 700,000 steps against an estimate of 46,000); a parse's failures now meet in one block, and it grows with the
  // trips
  it("walks a header parsed in a loop from one declared before it in proportion to the trips", async () => {
    const at100 = await measure("ipv4-linear-100", parseInLoop("xdp", "ctx.eth()", "h.ipv4()?.udp()", 100));
    const at200 = await measure("ipv4-linear-200", parseInLoop("xdp", "ctx.eth()", "h.ipv4()?.udp()", 200));
    expect(at200.processed).toBeLessThan(2.5 * at100.processed);
  }, 60_000);

  const loops: [string, string][] = [
    ["ipv4-100", parseInLoop("xdp", "ctx.eth()", "h.ipv4()", 100)],
    ["ipv4-udp-200", parseInLoop("xdp", "ctx.eth()", "h.ipv4()?.udp()", 200)],
    ["tcp-200", parseInLoop("xdp", "ctx.eth()?.ipv4()", "h.tcp()", 200)],
    ["ipv6-50", parseInLoop("xdp", "ctx.eth()", "h.ipv6()", 50)],
    ["socket-eth-128", parseInLoop("socketFilter", "ctx.packet().udp()?.vxlan()", "h.eth()", 128)],
    ["socket-ipv4-200", parseInLoop("socketFilter", "ctx.eth()", "h.ipv4()", 200)],
    // a chain from the context is parsed afresh on each trip and costs what it does outside loops
    ["context-ipv4-100", parseInLoop("xdp", "ctx.eth()", "ctx.eth()?.ipv4()", 100)],
    ["context-ipv6-udp-128", parseInLoop("xdp", "ctx.eth()", "ctx.eth()?.ipv6()?.udp()", 128)],
    // a fresh parse's failed checks leave states that walk on to the trip's end apart (STEP_COSTS.parseInLoopFreshFactor)
    ["context-ipv4-counted-64", countInLoop("ctx.eth()?.ipv4()", "h.protocol == 6", 64)],
    ["context-ipv6-walk-counted-32", countInLoop("ctx.eth()?.ipv6()", "h.l4Protocol == 6", 32)],
    // an address write keeps the TCP, UDP or ICMPv6 checksum that follows: its branches grow with the trips' square
    ["ipv6-address-write-48", writeInLoop("ctx.eth()?.ipv6()", "h.saddr = h.daddr", 48)],
    ["ipv4-address-write-64", writeInLoop("ctx.eth()?.ipv4()", "h.daddr = h.saddr", 64)],
    ["ipv4-ttl-write-128", writeInLoop("ctx.eth()?.ipv4()", "h.ttl = h.ttl - 1", 128)],
  ];
  it.each(loops)("estimates a header parsed or written in a loop within its margin (%s)", async (name, source) => {
    const { estimate, processed } = await measure(name, source);
    expect(estimate * ESTIMATE_MARGIN).toBeGreaterThanOrEqual(processed);
    // and not so far above that the margin means nothing
    expect(estimate).toBeLessThan(8 * processed);
  }, 60_000);
});
