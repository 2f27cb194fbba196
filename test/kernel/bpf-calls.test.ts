// @noinline functions become BPF-to-BPF calls: separate functions in the object, verified and run by the kernel.
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildProbe, type BuiltProbe } from "../support/build-probe.js";
import { describeKernel, loadObject, XdpVerdict, type LoadedObject } from "../support/kernel.js";
import { eth } from "../support/packets.js";

const packet = (sport: number, dport: number) => eth().ipv4().tcp({ sport, dport }).build();

describeKernel("BPF-to-BPF calls", () => {
  let built: BuiltProbe;
  let obj: LoadedObject;
  beforeAll(async () => {
    built = await buildProbe(join(import.meta.dirname, "bpf-calls.ts"));
    obj = await loadObject(built.objectFile, { type: "xdp" });
  });
  afterAll(async () => {
    await obj?.close();
    built?.remove();
  });

  it("keeps each @noinline function as a function symbol of its own", async () => {
    const { stdout } = await execa("llvm-readelf", ["-s", built.objectFile]);
    const functions = stdout.split("\n").filter((l) => /\bFUNC\b/.test(l)).map((l) => l.trim().split(/\s+/).pop());
    expect(functions).toEqual(expect.arrayContaining(["bucket", "isHighPort", "classify", "buckets", "nested"]));
  });

  it("the kernel sees subprograms: the translated code calls them", async () => {
    const info = await obj.info("nested");
    const { stdout } = await execa("bpftool", ["prog", "dump", "xlated", "id", String(info.id)]);
    expect(stdout).toMatch(/call pc[+-]\d+/);
  });

  it("computes through the calls", async () => {
    expect((await obj.run("buckets", packet(0xfff0, 0x1234))).retval).toBe(XdpVerdict.Pass);
    expect((await obj.run("buckets", packet(0xfff0, 0x1235))).retval).toBe(XdpVerdict.Drop);
  });

  it("passes bools and enums through nested calls", async () => {
    // 0x1234 & 0x3ff = 0x234 (< 1024), 0x1234 even → secure; sport high → Pass
    expect((await obj.run("nested", packet(40000, 0x1234))).retval).toBe(XdpVerdict.Pass);
    expect((await obj.run("nested", packet(40000, 0x1235))).retval).toBe(XdpVerdict.Drop);
    expect((await obj.run("nested", packet(80, 0x1234))).retval).toBe(XdpVerdict.Drop);
  });
});
