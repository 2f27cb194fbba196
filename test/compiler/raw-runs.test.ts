// Raw accesses at constant offsets in straight-line code share one bounds check per cursor; the others keep their own.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateC } from "../../compiler/build.js";

const work = mkdtempSync(join(tmpdir(), "tsbpf-raw-runs-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let n = 0;
/** How the program's body reaches the packet: its span checks (with the bytes each covers) and its accesses checked one by one. */
function accesses(body: string): { spans: number[]; single: number } {
  const file = join(work, `probe${n++}.ts`);
  writeFileSync(file, `const seen = new ArrayMap<u32>(4);
export class P {
  @xdp
  static prog(ctx: XdpContext): XdpAction {
    const p = ctx.packet();
    let q = ctx.packet();
    const k: u32 = 3;
${body}
    return XdpAction.Pass;
  }
}
`);
  const c = generateC(file).cSource;
  const program = c.slice(c.indexOf("int prog("));
  return {
    spans: [...program.matchAll(/tsbpf_span_check\(\w+, \w+, (\d+),/g)].map((m) => Number(m[1])),
    single: [...program.matchAll(/\btsbpf_(?:read|write\d+)\(/g)].length,
  };
}

describe("raw access runs", () => {
  it.each([
    ["writes and reads in a row", "p.setU64(0, p.u64(20)); p.setU32(8, p.u32(28)); p.setU16(12, 0x800); const t = u32(p.u8(3)) + k;", [32], 0],
    ["a run ending in an if's test", "const a = p.u16(2); if (p.u32(30) == u32(a)) return XdpAction.Drop;", [34], 0],
    ["one cursor per span", "const a = p.u8(1); const b = ctx.packet().u8(0);", [2], 1],
    ["a map call ends the run", "const a = p.u8(1); seen.set(0, u32(a)); const b = p.u8(40);", [2, 41], 0],
    ["bytes checked by an earlier run need no check after a map call", "const a = p.u32(10); seen.set(0, a); const b = p.u16(12); if (b == 1) { seen.set(1, 1); p.setU8(10, 0); }", [14], 0],
    ["a loop after a run reads what it checked", "const a = p.u32(10); seen.set(0, a); for (const i of range(0, 4)) { seen.set(i, u32(p.u8(3))); }", [14], 0],
    ["a run inside a branch covers nothing after the branch", "if (k == 3) { const a = p.u32(10); seen.set(0, a); }\n    seen.set(1, u32(p.u8(3)));", [14], 1],
    ["a run inside a loop covers nothing after the loop", "for (const i of range(0, 4)) { const v = p.u32(10); seen.set(i, v); }\n    seen.set(1, u32(p.u8(3)));", [14], 1],
    ["a run covers only its own cursor and bytes", "const a = p.u32(10); seen.set(0, a); seen.set(1, u32(p.u8(14))); seen.set(2, u32(ctx.packet().u8(3)));", [14], 2],
    ["a variable offset is checked alone and ends the run", "const a = p.u8(1); const b = p.u8(u32(a)); const c = p.u8(7);", [2, 8], 1],
    ["the right of && is made on one path only", "const a = p.u8(1) == 2 && p.u8(50) == 3;", [2], 1],
    ["the branches of ?: likewise", "const a = k == 3 ? p.u32(60) : p.u32(64);", [], 2],
    ["a let cursor is not a run's", "const a = q.u8(1); const b = q.u8(2);", [], 2],
    ["an offset past 8 KiB keeps its check (which fails)", "const a = p.u8(8192);", [], 1],
  ])("%s", (_, body, spans, single) => {
    expect(accesses(body)).toEqual({ spans, single });
  });
});
