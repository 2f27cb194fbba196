// A header parse nothing reads past skips the work that only serves what follows; every other use keeps it.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateC } from "../../compiler/build.js";
import { xdpBodies } from "../support/xdp-probe.js";

const work = mkdtempSync(join(tmpdir(), "tsbpf-header-alone-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const probes = xdpBodies("header-alone");
afterAll(probes.dispose);

/** The accessors the program's body calls, for a body given as TypeScript (with `eth` at hand). */
function accessorsCalled(body: string, extra = ""): string[] {
  const c = probes.compile(body, extra, "    const eth = ctx.eth();\n    if (!eth) return XdpAction.Pass;\n").cSource;
  const program = c.slice(c.indexOf("int prog("));
  return [...new Set([...program.matchAll(/\b(tsbpf_eth_(?:ipv4|ipv6)(?:_alone)?)(?:_chained)?\(/g)].map((m) => m[1]!))].sort();
}

describe("headers parsed alone", () => {
  it.each([
    ["a presence test", "if (eth.ipv4()) return XdpAction.Drop;"],
    ["a const tested and its fields read", "const ip = eth.ipv4(); if (!ip || ip.ttl < 2) return XdpAction.Drop;"],
    ["a conditional", "const ip = eth.ipv4(); if (ip ? ip.protocol == 6 : false) return XdpAction.Drop;"],
    ["a field written (its own checksum)", "const ip = eth.ipv4(); if (ip != null) ip.ttl -= 1;"],
    ["a null comparison and &&", "const ip = eth.ipv4(); if (ip !== null && ip.saddr == 1) return XdpAction.Drop;"],
    ["payload() (where the header ends, not what follows)", "const ip = eth.ipv4(); if (ip && ip.payload().u8(0) == 1) return XdpAction.Drop;"],
    ["options()", "const ip = eth.ipv4(); if (ip && ip.options().length > 0) return XdpAction.Drop;"],
  ])("IPv4 alone: %s", (_, body) => {
    expect(accessorsCalled(body)).toEqual(["tsbpf_eth_ipv4_alone"]);
  });

  it.each([
    ["a child accessor", "const ip = eth.ipv4(); if (ip?.udp()) return XdpAction.Drop;"],
    ["an address set (the upper layer's checksum follows)", "const ip = eth.ipv4(); if (ip) ip.saddr = 1;"],
    ["a let", "let ip = eth.ipv4(); if (ip) return XdpAction.Drop;"],
    ["a function given the header", "const ip = eth.ipv4(); if (ip && isTtl(ip)) return XdpAction.Drop;", "function isTtl(h: Ipv4): bool { return h.ttl == 1; }"],
  ])("IPv4 parsed whole: %s", (_, body, extra) => {
    expect(accessorsCalled(body, extra)).toEqual(["tsbpf_eth_ipv4"]);
  });

  it("IPv6 alone skips the extension walk; l4Protocol and extensionLength need it", () => {
    expect(accessorsCalled("const ip6 = eth.ipv6(); if (ip6 && ip6.hopLimit <= 1) return XdpAction.Drop;")).toEqual(["tsbpf_eth_ipv6_alone"]);
    expect(accessorsCalled("const ip6 = eth.ipv6(); if (ip6 && ip6.l4Protocol == 6) return XdpAction.Drop;")).toEqual(["tsbpf_eth_ipv6"]);
    expect(accessorsCalled("const ip6 = eth.ipv6(); if (ip6 && ip6.extensionLength > 0) return XdpAction.Drop;")).toEqual(["tsbpf_eth_ipv6"]);
    expect(accessorsCalled("const ip6 = eth.ipv6(); if (ip6 && ip6.payload().u8(0) == 1) return XdpAction.Drop;")).toEqual(["tsbpf_eth_ipv6"]);
  });

  it("each call decides for itself", () => {
    expect(accessorsCalled("if (eth.ipv4()) return XdpAction.Drop;\n    if (eth.ipv4()?.tcp()) return XdpAction.Tx;")).toEqual(["tsbpf_eth_ipv4", "tsbpf_eth_ipv4_alone"]);
  });

  it("the alone parser has no next protocol and no walk", () => {
    const file = join(work, "ipv6-alone.ts");
    writeFileSync(file, "export class P {\n  @xdp\n  static prog(ctx: XdpContext): XdpAction {\n    const ip6 = ctx.eth()?.ipv6();\n    return ip6 && ip6.hopLimit == 1 ? XdpAction.Drop : XdpAction.Pass;\n  }\n}\n");
    const c = generateC(file).cSource;
    const alone = c.slice(c.indexOf("tsbpf_parse_ipv6_alone(__u8"), c.indexOf("\n}\n", c.indexOf("tsbpf_parse_ipv6_alone(__u8")));
    expect(alone).toContain("version is 6");
    expect(alone).not.toMatch(/h\.next_proto =|tsbpf_widen\(h\.next_proto/);
    expect(alone).not.toContain("for (");
  });
});
