// A deliberately out-of-bounds program: the kernel verifier's complaint comes back at the TypeScript line.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { verifierDiagnostic } from "../../compiler/toolchain/verifier-log.js";
import { formatDiagnostic } from "../../compiler/diagnostics/format.js";
import { buildProbe, type BuiltProbe } from "../support/build-probe.js";
import { BpfLoadError, compileBpfC, describeKernel, loadObject, type LoadedObject } from "../support/kernel.js";

const probePath = join(import.meta.dirname, "out-of-bounds.ts");

/** Replaces the TCP parser with one that checks nothing, as a hand-written program that forgot its bounds check would. */
function stripTcpChecks(c: string): string {
  const unchecked = "$1\tstruct tsbpf_hdr h = { .pos = pos, .next = pos + 20, .ok = 1 };\n\treturn h;\n}";
  const out = c.replace(/(static __always_inline struct tsbpf_hdr tsbpf_parse_tcp\(__u8 \*pos, __u8 \*end\)\n\{\n)[\s\S]*?\n\}/, unchecked);
  if (out === c) throw new Error("the TCP parser was not found in the generated C");
  return out;
}

describeKernel("verifier complaints at the TypeScript line", () => {
  let probe: BuiltProbe;

  beforeAll(async () => {
    probe = await buildProbe(probePath);
  });
  afterAll(() => probe?.remove());

  it("the unmodified program loads", async () => {
    const obj: LoadedObject = await loadObject(probe.objectFile, { type: "xdp" });
    expect(obj.programs).toEqual(["readPort"]);
    await obj.close();
  });

  it("without the TCP bounds check the verifier rejects the read of tcp.dport, quoting line 7 of the probe", async () => {
    const cFile = join(probe.dir, "stripped.bpf.c");
    const objFile = join(probe.dir, "stripped.bpf.o");
    writeFileSync(cFile, stripTcpChecks(probe.cSource));
    await compileBpfC(cFile, objFile, [], import.meta.dirname);
    const error = await loadObject(objFile, { type: "xdp" }).then(
      async (obj) => {
        await obj.close();
        return undefined;
      },
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BpfLoadError);
    const log = (error as BpfLoadError).log;
    expect(log).toContain("if (tcp.dport == 22) return XdpAction.Drop; @ out-of-bounds.ts:7");

    const d = verifierDiagnostic({ name: "readPort", probe: probePath }, log);
    expect(d.code).toBe("TSBPF4001");
    expect(d.message).toMatch(/invalid access to packet/);
    expect(d.location).toMatchObject({ line: 7, column: 5 });
    expect(formatDiagnostic(d)).toMatch(/out-of-bounds\.ts:7:5 - error TSBPF4001: the kernel verifier rejected program 'readPort': invalid access to packet/);
  });
});
