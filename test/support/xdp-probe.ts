// Compiles an XDP program given as its body's TypeScript, for tests that read the generated C.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateC } from "../../compiler/build.js";

/** A scratch directory for probes, and a compiler of program bodies into it; call `dispose` after the tests. */
export function xdpBodies(stem: string) {
  const work = mkdtempSync(join(tmpdir(), `tsbpf-${stem}-`));
  let n = 0;
  return {
    /** generateC of `static prog(ctx)` with this body (after `prelude`, before `return XdpAction.Pass`), `extra` above the class. */
    compile(body: string, extra = "", prelude = "") {
      const file = join(work, `probe${n++}.ts`);
      writeFileSync(file, `${extra}\nexport class P {\n  @xdp\n  static prog(ctx: XdpContext): XdpAction {\n${prelude}${body}\n    return XdpAction.Pass;\n  }\n}\n`);
      return generateC(file);
    },
    dispose: () => rmSync(work, { recursive: true, force: true }),
  };
}
