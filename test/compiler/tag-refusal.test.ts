// An Ethernet header is parsed without walking VLAN tags only where the program refuses tagged frames before anything depends on them.
import { afterAll, describe, expect, it } from "vitest";
import { xdpBodies } from "../support/xdp-probe.js";
import { knownAt, usesOf } from "../../compiler/lower/access-form.js";
import { checkProbe } from "../../compiler/check/index.js";
import { loadProbe } from "../../compiler/frontend/project.js";
import { ts } from "ts-morph";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const probes = xdpBodies("tag-refusal");
afterAll(probes.dispose);

/** Which Ethernet entry the program calls: "untagged" (tags seen, not walked) or "walked". */
function entry(body: string, extra = ""): string {
  const c = probes.compile(body, `const m = new ArrayMap<u64>(4);\n${extra}`).cSource;
  const program = c.slice(c.indexOf("int prog("));
  const untagged = program.includes("tsbpf_xdp_eth_untagged(");
  const walked = /tsbpf_xdp_eth\(/.test(program);
  expect(untagged && walked).toBe(false);
  return untagged ? "untagged" : walked ? "walked" : "none";
}

describe("tag refusal", () => {
  it.each([
    ["one || test, the tag term after the child's presence", "const eth = ctx.eth();\n const ip = eth?.ipv4();\n if (!eth || !ip || eth.vlanCount != 0 || ip.ttl < 2) return XdpAction.Drop;\n ip.ttl -= 1;"],
    ["the tag test first, the child taken after it", "const eth = ctx.eth();\n if (!eth || eth.vlanCount > 0) return XdpAction.Pass;\n const ip = eth.ipv4();\n if (ip) m.increment(0);"],
    ["an && test around the work", "const eth = ctx.eth();\n if (eth && eth.vlanCount == 0) { const ip6 = eth.ipv6()?.udp(); if (ip6) m.increment(1); }"],
    ["!vlanCount in an &&", "const eth = ctx.eth();\n if (eth && !eth.vlanCount && eth.etherType == 0x0800) m.increment(2);"],
    ["the EtherType tested before the tag term", "const eth = ctx.eth();\n if (!eth || eth.etherType != 0x0800 || eth.vlanCount != 0) return XdpAction.Pass;\n m.increment(1);"],
    ["an else branch", "const eth = ctx.eth();\n const ip = eth?.ipv4();\n if (!eth || !ip || 0 !== eth.vlanCount) { m.increment(3); } else { ip.ttl = 9; }"],
  ])("parses untagged: %s", (_, body) => {
    expect(entry(body)).toBe("untagged");
  });

  it.each([
    ["a presence test before the tag test (a cut tagged frame has no header)", "const eth = ctx.eth();\n if (!eth) return XdpAction.Drop;\n if (eth.vlanCount != 0) return XdpAction.Pass;"],
    ["a child tested before the tag test", "const eth = ctx.eth();\n const ip = eth?.ipv4();\n if (!ip) return XdpAction.Drop;\n if (!eth || eth.vlanCount != 0) return XdpAction.Pass;"],
    ["the branch taken on tagged frames uses the child", "const eth = ctx.eth();\n const ip = eth?.ipv4();\n if (!eth || !ip || eth.vlanCount != 0) { if (ip) m.increment(0); return XdpAction.Pass; }"],
    ["a term with an effect before the tag term", "const eth = ctx.eth();\n if (!eth || ctx.packet().u8(20) == 1 || eth.vlanCount != 0) return XdpAction.Pass;"],
    ["the EtherType counted before the tag test", "const eth = ctx.eth();\n if (eth && eth.etherType == 0x86dd) m.increment(1);\n if (!eth || eth.vlanCount != 0) return XdpAction.Pass;"],
    ["a test that is not a tag test", "const eth = ctx.eth();\n if (!eth || eth.vlanCount != 1) return XdpAction.Pass;"],
    ["no tag test at all", "const ip = ctx.eth()?.ipv4();\n if (ip) m.increment(0);"],
    ["a let", "let eth = ctx.eth();\n if (!eth || eth.vlanCount != 0) return XdpAction.Pass;"],
    ["the header given to a function before the test", "const eth = ctx.eth();\n if (!eth || tagged(eth) || eth.vlanCount != 0) return XdpAction.Pass;", "function tagged(e: Ethernet): bool { return e.vlanCount > 0; }"],
    ["the tag term inside a nested test", "const eth = ctx.eth();\n if (!eth || (eth.vlanCount != 0 && ctx.rxQueueIndex == 1)) return XdpAction.Pass;"],
  ])("walks the tags: %s", (_, body, extra) => {
    expect(entry(body, extra)).toBe("walked");
  });
});

describe("the packet-access form", () => {
  const work = mkdtempSync(join(tmpdir(), "tsbpf-access-form-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** For each use of `name` in the body, in order: the header values known present and untagged there. */
  function knownAtUses(body: string, name: string): string[] {
    const file = join(work, `p${Math.random().toString(36).slice(2)}.ts`);
    writeFileSync(file, `export class P {\n  @xdp\n  static prog(ctx: XdpContext): XdpAction {\n${body}\n    return XdpAction.Pass;\n  }\n}\n`);
    const checked = checkProbe(loadProbe(file));
    let decl: ts.VariableDeclaration | undefined;
    const find = (n: ts.Node): void => {
      if (ts.isVariableDeclaration(n) && n.name.getText() === name) decl = n;
      ts.forEachChild(n, find);
    };
    find(checked.probe.sourceFile);
    return usesOf(checked.facts, decl!).map((u) => {
      const k = knownAt(checked.facts, u);
      const names = (s: Set<ts.VariableDeclaration>) => [...s].map((d) => d.name.getText()).sort().join(",");
      return `${u.parent.getText()}: present ${names(k.present) || "-"}; untagged ${names(k.untagged) || "-"}`;
    });
  }

  it("learns presence and tags from the tests that decide whether a use is reached", () => {
    const body = `    const eth = ctx.eth();
    const ip = eth?.ipv4();
    if (!eth || eth.vlanCount != 0) return XdpAction.Pass;
    if (ip && ip.ttl > 1) ip.ttl -= 1;
    if (ip == null) return XdpAction.Drop;
    for (const i of range(0, 4)) { if (ip.ttl == 255) break; }
    const t = ip.ttl == 3 ? ip.tos : 0;`;
    expect(knownAtUses(body, "ip")).toEqual([
      "ip && ip.ttl > 1: present eth; untagged eth",
      "ip.ttl: present eth,ip; untagged eth",
      "ip.ttl: present eth,ip; untagged eth",
      "ip == null: present eth; untagged eth",
      "ip.ttl: present eth,ip; untagged eth",
      "ip.ttl: present eth,ip; untagged eth",
      "ip.tos: present eth,ip; untagged eth",
    ]);
  });

  it("learns nothing from a test whose branch goes on, or from an && that fails", () => {
    const body = `    const eth = ctx.eth();
    if (eth && eth.vlanCount == 0) { const a = 1; }
    if (eth && eth.vlanCount != 0) return XdpAction.Pass;
    const s = eth != null ? 1 : 0;`;
    expect(knownAtUses(body, "eth")).toEqual([
      "eth && eth.vlanCount == 0: present -; untagged -",
      "eth.vlanCount: present eth; untagged -",
      "eth && eth.vlanCount != 0: present -; untagged -",
      "eth.vlanCount: present eth; untagged -",
      "eth != null: present -; untagged -",
    ]);
  });
});
