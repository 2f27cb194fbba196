// The program generator: reproducible from its seed, covering the public API and the grammar, and mostly right first time.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ProbeSession } from "../../compiler/frontend/project.js";
import { apiFeatures, GRAMMAR_FEATURES } from "./generate/coverage.js";
import { generate } from "./generate/index.js";
import { programSeed } from "./generate/random.js";
import { SIZES } from "./generate/size.js";
import { runPipeline } from "./run/pipeline.js";

describe("the program generator", () => {
  it("gives the same program for the same seed and index, and different programs otherwise", () => {
    expect(generate(42, 7).text).toBe(generate(42, 7).text);
    expect(generate(42, 7).text).not.toBe(generate(42, 8).text);
    expect(generate(42, 7).text).not.toBe(generate(43, 7).text);
    expect(programSeed(1, 0)).not.toBe(programSeed(1, 1));
  });

  it("names its seed and index in the program's first line", () => {
    expect(generate(99, 3, "small").text.split("\n")[0]).toBe("// tsbpf fuzz: seed 99, program 3, small");
  });

  it("reaches every part of the public API and every grammar form within 1000 programs", () => {
    const used = new Set<string>();
    for (let i = 0; i < 1000; i++) for (const f of generate(2024, i).used) used.add(f);
    const missing = [...apiFeatures(), ...GRAMMAR_FEATURES].filter((f) => !used.has(f));
    expect(missing).toEqual([]);
    // the API list is read from runtime-types/: a sanity check that it found the headers, maps and contexts
    expect(apiFeatures()).toEqual(expect.arrayContaining(["Ipv4.ttl=", "Udp.vxlan()", "Gre.ipv6()", "HashMap.increment", "XdpContext.adjustMeta", "SkBuff.tc_classid", "helper csumReplace32", "log.warn"]));
  });

  it("writes large programs with 40 and more header accessors and loops nested five deep", () => {
    const large = Array.from({ length: 20 }, (_, i) => generate(5, i, "large"));
    const accessors = large.map((g) => (g.text.match(/\??\.(eth|vlan|arp|ipv4|ipv6|tcp|udp|icmp|icmpv6|vxlan|geneve|gre|ipip|ipv6in4|ipv6in6|payload|options|packet)\(/g) ?? []).length);
    expect(Math.max(...accessors)).toBeGreaterThanOrEqual(40);
    expect(large.some((g) => g.used.has("loop tower"))).toBe(true);
    expect(SIZES.large.maxLoopNest).toBe(5);
    expect(Math.min(...Array.from({ length: 20 }, (_, i) => generate(5, i, "small").text.split("\n").length))).toBeLessThan(20);
  });

  describe("acceptance by tsbpf check", () => {
    const workDir = mkdtempSync(join(tmpdir(), "tsbpf-fuzz-gen-"));
    afterAll(() => rmSync(workDir, { recursive: true, force: true }));

    it("writes programs check accepts (or refuses only for the verifier's budget) more than 85% of the time, and locates every rejection", async () => {
      const session = new ProbeSession();
      let accepted = 0;
      let overBudget = 0;
      const unlocated: string[] = [];
      const count = 120;
      for (let i = 0; i < count; i++) {
        const g = generate(31337, i);
        const o = await runPipeline(g.text, `g${i}`, { workDir, session, verify: false, until: "check" });
        if (o.status === "passed") accepted++;
        // refused by the estimate of the verifier's work (TSBPF1090-1092): programs too big for the kernel, not mistakes
        if (o.status === "rejected" && o.diagnostics!.every((d) => /^TSBPF109[0-2]$/.test(d.code))) overBudget++;
        if (o.status === "failed") unlocated.push(`program ${i}: ${o.failures.map((f) => f.cls).join("; ")}`);
      }
      expect(unlocated).toEqual([]);
      expect((accepted + overBudget) / count).toBeGreaterThan(0.85);
      expect(accepted / count).toBeGreaterThan(0.7);
    }, 120_000);
  });
});
