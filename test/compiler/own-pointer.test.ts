// Which child headers start from a pointer of their own (tsbpf_fresh): only those of a parent read again in a program whose verifier states matter.
import { afterAll, describe, expect, it } from "vitest";
import { FEW_STEPS } from "../../compiler/lower/last-use.js";
import { xdpBodies } from "../support/xdp-probe.js";

const probes = xdpBodies("own-pointer");
afterAll(probes.dispose);

const PRELUDE = "    const eth = ctx.eth();\n    if (!eth) return XdpAction.Pass;\n    const ip = eth.ipv4();\n    if (ip) return XdpAction.Drop;\n";

/** The IPv4 accessor `eth.ipv4()` compiles to in a program with this body, and the program's estimated verifier steps. */
function ipv4Accessor(body: string, extra = ""): { accessor: string; steps: number } {
  const { cSource, checked } = probes.compile(body, extra, PRELUDE);
  const program = cSource.slice(cSource.indexOf("int prog("));
  const accessor = /struct tsbpf_hdr ip = (tsbpf_eth_ipv4\w*)\(/.exec(program)?.[1] ?? "none";
  return { accessor, steps: checked.costs.get("prog")!.steps };
}

describe("a child of a header variable read again", () => {
  it("shares its parent's pointer in a small program without loops", () => {
    const r = ipv4Accessor("    if (eth.ipv6()) return XdpAction.Drop;");
    expect(r.steps).toBeLessThan(FEW_STEPS);
    expect(r.accessor).toBe("tsbpf_eth_ipv4_alone_chained");
  });

  it("has a pointer of its own where the file has a loop", () => {
    const r = ipv4Accessor("    if (eth.ipv6()) return XdpAction.Drop;", "function sum(n: u32): u32 { let s: u32 = 0; for (let i: u32 = 0; i < 4; i++) s += n; return s; }");
    expect(r.accessor).toBe("tsbpf_eth_ipv4_alone");
  });

  it("has a pointer of its own where the program's estimate is past FEW_STEPS", () => {
    const many = Array.from({ length: 24 }, (_, i) => `    if (eth.ipv6()?.tcp()) return XdpAction.Drop;`).join("\n");
    const r = ipv4Accessor(many);
    expect(r.steps).toBeGreaterThan(FEW_STEPS);
    expect(r.accessor).toBe("tsbpf_eth_ipv4_alone");
  });
});

describe("ctx.packet()", () => {
  /** The body of the XDP context's packet() entry in a probe with this body. */
  const packetEntry = (body: string, extra = "") => {
    const c = probes.compile(body, extra).cSource;
    return /tsbpf_xdp_packet\(struct xdp_md \*ctx\)\n\{\n\treturn (.*);/.exec(c)?.[1];
  };
  const read = "    if (ctx.packet().u8(0) == 1) return XdpAction.Drop;";

  it("is a cursor at the packet's start in a small program without loops", () => {
    expect(packetEntry(read)).toBe("tsbpf_cursor_at(tsbpf_ctx_ptr(ctx, data))");
  });

  it("starts from a pointer of its own where the file has a loop", () => {
    expect(packetEntry(read, "function sum(n: u32): u32 { let s: u32 = 0; for (let i: u32 = 0; i < 4; i++) s += n; return s; }")).toMatch(/^tsbpf_cursor_at\(tsbpf_fresh_by\(/);
  });
});
