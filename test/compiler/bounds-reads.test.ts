// The packet's bounds are read from the context as a pure value, unless a program of the file moves them or loops.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { generateC } from "../../compiler/build.js";

const work = mkdtempSync(join(tmpdir(), "tsbpf-bounds-reads-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function boundsAsm(body: string, name: string): string | undefined {
  const file = join(work, `${name}.ts`);
  writeFileSync(file, `export class P {
  @xdp
  static prog(ctx: XdpContext): XdpAction {
${body}
    const ip = ctx.eth()?.ipv4();
    return ip && ip.ttl < 2 ? XdpAction.Drop : XdpAction.Pass;
  }
}
`);
  return /#define tsbpf_bounds_asm (.*)/.exec(generateC(file).cSource)?.[1];
}

it("plain asm (clang may share and drop the reads) where nothing moves the bounds", () => {
  expect(boundsAsm("", "still")).toBe("asm");
});

it.each([
  ["a call of adjustHead", "if (!ctx.adjustHead(-20)) return XdpAction.Aborted;"],
  ["a call of adjustTail", "if (!ctx.adjustTail(-4)) return XdpAction.Aborted;"],
  ["a call of adjustMeta", "if (!ctx.adjustMeta(-4)) return XdpAction.Aborted;"],
  ["a loop", "let n: u32 = 0;\n    for (const i of range(4)) n += 1;"],
])("asm volatile (each read where it stands) in a file with %s", (_, body) => {
  expect(boundsAsm(body, _)).toBe("asm volatile");
});
