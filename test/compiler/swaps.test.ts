// Two header fields exchanged through a temporary become one in-place swap when no checksum can change; otherwise the setters run.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateC } from "../../compiler/build.js";

const work = mkdtempSync(join(tmpdir(), "tsbpf-swaps-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let n = 0;
/** The swap and setter functions the program's body calls, for a body given with `eth`, `ip` and `ip6` at hand. */
function writesCalled(body: string): string[] {
  const file = join(work, `probe${n++}.ts`);
  writeFileSync(file, `export class P {
  @xdp
  static prog(ctx: XdpContext): XdpAction {
    const eth = ctx.eth();
    if (!eth) return XdpAction.Pass;
    const ip = eth.ipv4();
    const ip6 = eth.ipv6();
    if (!ip || !ip6) return XdpAction.Pass;
${body}
    return XdpAction.Tx;
  }
}
`);
  const c = generateC(file).cSource;
  const program = c.slice(c.indexOf("int prog("));
  return [...new Set([...program.matchAll(/\b(tsbpf_\w+_(?:swap|set)_\w+)\(/g)].map((m) => m[1]!))].sort();
}

describe("field swaps", () => {
  it.each([
    ["IPv4 addresses", "const t = ip.saddr; ip.saddr = ip.daddr; ip.daddr = t;", ["tsbpf_ipv4_swap_saddr_daddr"]],
    ["IPv6 addresses", "const t = ip6.saddr; ip6.saddr = ip6.daddr; ip6.daddr = t;", ["tsbpf_ipv6_swap_saddr_daddr"]],
    ["MAC addresses", "const m = eth.dst; eth.dst = eth.src; eth.src = m;", ["tsbpf_eth_swap_dst_src"]],
  ])("%s: one swap, no setter", (_, body, expected) => {
    expect(writesCalled(body)).toEqual(expected);
  });

  it.each([
    ["bytes inside a checksummed word (TOS and TTL)", "const t = ip.tos; ip.tos = ip.ttl; ip.ttl = t;", ["tsbpf_ipv4_set_tos", "tsbpf_ipv4_set_ttl"]],
    ["two whole 16-bit words of one checksum (id and total length)", "const t = ip.id; ip.id = ip.totalLength; ip.totalLength = t;", ["tsbpf_ipv4_swap_id_totalLength"]],
    ["not the same temporary", "const t = ip.saddr; ip.saddr = ip.daddr; ip.daddr = t + 1;", ["tsbpf_ipv4_set_daddr", "tsbpf_ipv4_set_saddr"]],
    ["the second field assigned from the first, not the temporary", "const t = ip.saddr; ip.saddr = ip.daddr; ip.daddr = ip.saddr;", ["tsbpf_ipv4_set_daddr", "tsbpf_ipv4_set_saddr"]],
  ])("%s", (_, body, expected) => {
    expect(writesCalled(body)).toEqual(expected);
  });
});
