// The integer rules of the language, checked by the kernel running the compiled code (see semantics.ts).
import { join } from "node:path";
import { expect, it } from "vitest";
import { useLoadedProbe } from "../support/build-probe.js";
import { describeKernel, XdpVerdict } from "../support/kernel.js";
import { eth, TcpFlags } from "../support/packets.js";

const packet = eth().ipv4().tcp({ sport: 0xfff0, dport: 0x1234, seq: 0x80000001, ack: 0xfffffffe, flags: TcpFlags.SYN, urgent: 0 }).build();

const rules = ["u8Wraps", "u16Wraps", "u32Wraps", "signedWraps", "divisionByZero", "shifts", "wide", "conversions", "flagsAndHelpers", "negationAndRanges", "typedConstantsAndProducts", "loopsAndSwitch", "enumsAndSwitch", "structValues", "fixedArrays"];

describeKernel("integer semantics in the kernel", () => {
  const obj = useLoadedProbe(join(import.meta.dirname, "semantics.ts"));

  it("loads every program", () => {
    expect([...obj().programs].sort()).toEqual([...rules, "control"].sort());
  });

  for (const rule of rules) {
    it(rule, async () => {
      expect((await obj().run(rule, packet)).retval).toBe(XdpVerdict.Pass);
    });
  }

  it("the control program, whose condition is false, drops", async () => {
    expect((await obj().run("control", packet)).retval).toBe(XdpVerdict.Drop);
  });
});
