// adjustHead/adjustTail/adjustMeta in the kernel: output frames compared byte for byte with the expected result.
import { join } from "node:path";
import { expect, it } from "vitest";
import { useProbe } from "../support/build-probe.js";
import { describeKernel, XdpVerdict } from "../support/kernel.js";
import { checkFrame } from "../support/frame-check.js";
import { eth } from "../support/packets.js";

describeKernel("packet adjustments", () => {
  const probe = useProbe(join(import.meta.dirname, "adjust.ts"));

  it("decapsulates IPv4 in IPv4: Ethernet addresses kept, outer header gone", async () => {
    const frame = eth({ src: "02:00:00:00:00:0a", dst: "02:00:00:00:00:0b" }).ipv4({ src: "192.0.2.1", dst: "192.0.2.2" }).ipv4({ src: "10.0.0.1", dst: "10.0.0.2" }).udp({ dport: 53 }).payload("query").build();
    const r = await probe.obj.run("decap", frame);
    expect(r.retval).toBe(XdpVerdict.Tx);
    const expected = Buffer.concat([frame.subarray(0, 12), Buffer.from([0x08, 0x00]), frame.subarray(34)]);
    expect(r.dataOut.toString("hex")).toBe(expected.toString("hex"));
    expect(checkFrame(r.dataOut).checksums).toEqual({ ipv4: true, udp: true });
  });

  it("pushes an 802.1Q tag", async () => {
    const frame = eth().ipv4().tcp().build();
    const r = await probe.obj.run("pushTag", frame);
    expect(r.retval).toBe(XdpVerdict.Tx);
    const expected = Buffer.concat([frame.subarray(0, 12), Buffer.from([0x81, 0x00, 0x00, 42]), frame.subarray(12)]);
    expect(r.dataOut.toString("hex")).toBe(expected.toString("hex"));
  });

  it("trims the tail and makes metadata room", async () => {
    const frame = eth().ipv4().udp().payload(Buffer.alloc(20, 7)).build();
    const trimmed = await probe.obj.run("trim", frame);
    expect(trimmed.retval).toBe(XdpVerdict.Tx);
    expect(trimmed.dataOut).toEqual(frame.subarray(0, frame.length - 4));
    expect((await probe.obj.run("meta", frame)).retval).toBe(XdpVerdict.Tx);
  });
});
