// Conditions the verifier must see decided once, and loop-counter comparisons that must not narrow the other side.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateC } from "../../compiler/build.js";

const work = mkdtempSync(join(tmpdir(), "tsbpf-verifier-paths-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let n = 0;
/** The C of a probe whose program body is `body` (after `functions` at the top level). */
function lowered(body: string, functions = ""): string {
  const file = join(work, `probe${n++}.ts`);
  writeFileSync(file, `${functions}
export class P {
  @tc
  static prog(ctx: TcContext): TcAction {
    const m: u32 = ctx.mark;
    let x: u32 = ctx.priority;
${body}
    return TcAction.Ok;
  }
}
`);
  return generateC(file).cSource;
}

/** The conditions tested through tsbpf_decided, and the values compared through tsbpf_unlinked, in the C. */
function marks(c: string): { decided: string[]; unlinked: string[] } {
  const body = c.slice(c.indexOf("SEC("));
  const args = (name: string) => [...body.matchAll(new RegExp(`${name}\\(([^;{]*?)\\)(?: \\{|\\)|,|;)`, "g"))].map((m) => m[1]!);
  return { decided: args("tsbpf_decided"), unlinked: args("tsbpf_unlinked") };
}

describe("conditions decided once", () => {
  it("an if that sets a header variable declared outside it", () => {
    const { decided } = marks(lowered("let h = ctx.eth()?.ipv4();\nif (m <= x) { h = ctx.eth()?.ipv4()?.ipip(); }\nconst t = h?.tcp();"));
    expect(decided).toEqual(["m <= x"]);
  });

  it("not an if that sets only scalars or its own header", () => {
    const { decided } = marks(lowered("if (m <= x) { x = 1; const h = ctx.eth(); if (h) x = 2; }"));
    expect(decided).toEqual([]);
  });

  it("a comparison of two unknown values in a loop, and in a function a loop calls", () => {
    const fns = "function less(a: u32, b: u32): bool { return a < b; }\nfunction alone(a: u32, b: u32): bool { return a > b; }";
    const { decided } = marks(lowered("for (let i: u32 = 0; i < 4; i++) { if (m != x) x += 1; if (less(m, x)) x += 2; }\nif (m == x || alone(m, x)) x = 0;", fns));
    expect(decided.sort()).toEqual(["a < b", "m != x"]);
  });

  it("not a comparison of a header's fields in a loop (clang computes it once, before the loop)", () => {
    const { decided } = marks(lowered("const ip = ctx.eth()?.ipv4();\nif (!ip) return TcAction.Ok;\nfor (let i: u32 = 0; i < 4; i++) { if (ip.ttl > ip.protocol) x += 1; if (m > x) x += 2; }"));
    expect(decided).toEqual(["m > x"]);
  });
});

describe("loop counters compared with unknown values", () => {
  it("the other side is compared through an unlinked copy; constants and counter-to-counter comparisons are left alone", () => {
    const { unlinked } = marks(lowered("for (let i: u32 = 0; i < 200; i++) { if (i >= m) x += 1; for (let j: u32 = 0; j < 3; j++) { if (j == i) x += 2; } }"));
    expect(unlinked).toEqual(["m"]);
  });
});

describe("a while loop's counter after the loop", () => {
  it("is made unknown where the loop may end early, and only there", () => {
    const c = lowered("let j: u32 = 0;\nwhile (j < 100) { if (u32(ctx.len) == j) break; j++; }\nlet k: u32 = 0;\nwhile (k < 4) { k++; }\nx = j + k;");
    expect(c).toMatch(/tsbpf_havoc\(j, /);
    expect(c).not.toMatch(/tsbpf_havoc\(k, /);
  });
});
