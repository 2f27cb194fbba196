// trace() in the kernel: the formatted line, with every argument at its value, appears in the trace buffer.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildProbe, type BuiltProbe } from "../support/build-probe.js";
import { describeKernel, loadObject, XdpVerdict, type LoadedObject } from "../support/kernel.js";
import { eth } from "../support/packets.js";

describeKernel("trace()", () => {
  let probe: BuiltProbe;
  let obj: LoadedObject;
  let tracefs = "";

  beforeAll(async () => {
    probe = await buildProbe(join(import.meta.dirname, "trace.ts"));
    obj = await loadObject(probe.objectFile, { type: "xdp" });
    tracefs = mkdtempSync(join(tmpdir(), "tsbpf-tracefs-"));
    await execa("mount", ["-t", "tracefs", "nodev", tracefs]);
  });
  afterAll(async () => {
    await obj?.close();
    probe?.remove();
    if (tracefs) {
      await execa("umount", [tracefs], { reject: false });
      rmSync(tracefs, { recursive: true, force: true });
    }
  });

  it("writes the line with unsigned, hex and signed arguments", async () => {
    const sport = 0x1000 + Math.floor(Math.random() * 0xe000);
    const r = await obj.run("traced", eth().ipv4().tcp({ sport, dport: 7777 }).build());
    expect(r.retval).toBe(XdpVerdict.Drop);
    const trace = readFileSync(join(tracefs, "trace"), "utf8");
    expect(trace).toContain(`tsbpf-trace-test dport=7777 sport=${sport.toString(16)} delta=-5 100%`);
  });

  it("prints a line at bpf_trace_printk's limit whole: the format lives in .rodata, not on the stack", async () => {
    expect((await obj.run("longLine", eth().build())).retval).toBe(XdpVerdict.Pass);
    const trace = readFileSync(join(tracefs, "trace"), "utf8");
    expect(trace).toContain(`tsbpf-long ${"x".repeat(990)} 18446744073709551615\n`);
    expect(probe.cSource).toMatch(/static const char tsbpf_fmt\[\] = "tsbpf-long /);
  });
});
