// Helpers run in the kernel: values checked against user space's clock, the CPU count, and checksums recomputed from scratch.
import { cpus } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { useProbe } from "../support/build-probe.js";
import { describeKernel, XdpVerdict } from "../support/kernel.js";
import { readMap } from "../support/maps.js";
import { eth, internetChecksum } from "../support/packets.js";

describeKernel("helpers", () => {
  const probe = useProbe(join(import.meta.dirname, "helpers.ts"));
  const slots = async () => (await readMap(probe.obj, probe.built.manifest, "out")).map((e) => e.value as bigint);

  it("ktimeNs is CLOCK_MONOTONIC, bootNs is at least that, randomU32 varies, cpuId is a CPU, ctx.ingressIfindex", async () => {
    const before = process.hrtime.bigint();
    expect((await probe.obj.run("clocks", eth().build())).retval).toBe(XdpVerdict.Pass);
    const after = process.hrtime.bigint();
    const [ktime, boot, r1, r2, cpu] = await slots();
    expect(ktime).toBeGreaterThanOrEqual(before);
    expect(ktime).toBeLessThanOrEqual(after);
    expect(boot).toBeGreaterThanOrEqual(ktime!);
    expect(r1).not.toBe(r2);
    expect(cpu).toBeLessThan(BigInt(cpus().length));
    expect((await slots())[8]).toBe(1n); // BPF_PROG_TEST_RUN runs XDP as if on the loopback device
  });

  it.each([1, 2, 64, 255])("csumReplace16 and csumReplace32 equal a full recomputation (ttl %i)", async (ttl) => {
    for (let id = 0; id < 40; id++) {
      const packet = eth().ipv4({ ttl, id: id * 1637, src: `10.${id}.0.1` }).tcp({ seq: 0x1234 + id * 0x10001 }).build();
      expect((await probe.obj.run("checksums", packet)).retval).toBe(XdpVerdict.Pass);
      const [, , , , , ttlSum, addrSum, folded] = await slots();
      const header = Buffer.from(packet.subarray(14, 34));
      header.writeUInt16BE(0, 10);
      const withTtl = Buffer.from(header);
      withTtl.writeUInt8(ttl - 1, 8);
      expect(ttlSum).toBe(BigInt(internetChecksum(withTtl)));
      const withAddr = Buffer.from(header);
      withAddr.set([192, 0, 2, 1], 12);
      expect(addrSum).toBe(BigInt(internetChecksum(withAddr)));
      const seq = 0x1234 + id * 0x10001;
      let sum = (seq & 0xffff) + Math.floor(seq / 0x10000);
      sum = (sum & 0xffff) + (sum >>> 16);
      expect(folded).toBe(BigInt(~sum & 0xffff));
    }
  });

  it("redirect(ifindex) gives Redirect, and Aborted for flags it does not know", async () => {
    expect((await probe.obj.run("toLoopback", eth().build())).retval).toBe(XdpVerdict.Redirect);
    expect((await probe.obj.run("badFlags", eth().build())).retval).toBe(XdpVerdict.Aborted);
  });
});
