// @noinline functions become BPF-to-BPF calls: separate functions in the object, verified and run by the kernel.
import { join } from "node:path";
import { execa } from "execa";
import { expect, it } from "vitest";
import { useProbe } from "../support/build-probe.js";
import { describeKernel, XdpVerdict } from "../support/kernel.js";
import { eth } from "../support/packets.js";

const packet = (sport: number, dport: number) => eth().ipv4().tcp({ sport, dport }).build();

describeKernel("BPF-to-BPF calls", () => {
  const probe = useProbe(join(import.meta.dirname, "bpf-calls.ts"));

  it("keeps each @noinline function as a function symbol of its own", async () => {
    const { stdout } = await execa("llvm-readelf", ["-s", probe.built.objectFile]);
    const functions = stdout.split("\n").filter((l) => /\bFUNC\b/.test(l)).map((l) => l.trim().split(/\s+/).pop());
    expect(functions).toEqual(expect.arrayContaining(["bucket", "isHighPort", "classify", "buckets", "nested"]));
  });

  it("the kernel sees subprograms: the translated code calls them", async () => {
    const info = await probe.obj.info("nested");
    const { stdout } = await execa("bpftool", ["prog", "dump", "xlated", "id", String(info.id)]);
    expect(stdout).toMatch(/call pc[+-]\d+/);
  });

  it("computes through the calls", async () => {
    expect((await probe.obj.run("buckets", packet(0xfff0, 0x1234))).retval).toBe(XdpVerdict.Pass);
    expect((await probe.obj.run("buckets", packet(0xfff0, 0x1235))).retval).toBe(XdpVerdict.Drop);
  });

  it("passes bools and enums through nested calls", async () => {
    // 0x1234 & 0x3ff = 0x234 (< 1024), 0x1234 even → secure; sport high → Pass
    expect((await probe.obj.run("nested", packet(40000, 0x1234))).retval).toBe(XdpVerdict.Pass);
    expect((await probe.obj.run("nested", packet(40000, 0x1235))).retval).toBe(XdpVerdict.Drop);
    expect((await probe.obj.run("nested", packet(80, 0x1234))).retval).toBe(XdpVerdict.Drop);
  });
});
