// Cursors in the kernel: raw reads give host-order values, out-of-bounds reads end the program with onError, payloads parse as packets.
import { join } from "node:path";
import { expect, it } from "vitest";
import { useProbe } from "../support/build-probe.js";
import { describeKernel, XdpVerdict } from "../support/kernel.js";
import { readMap } from "../support/maps.js";
import { eth, parseIpv4 } from "../support/packets.js";

describeKernel("cursors", () => {
  const probe = useProbe(join(import.meta.dirname, "cursors.ts"));
  const slots = async () => (await readMap(probe.obj, probe.built.manifest, "got")).map((e) => e.value as bigint);
  const udpWith = (payload: Buffer) => eth().ipv4().udp({ dport: 9 }).payload(payload).build();

  it("reads big-endian values at offsets and copies bytes", async () => {
    // byte 0: offset 11 for the second read; bytes 1..2, 3..6, 7..14: values
    const payload = Buffer.from([11, 0xab, 0xcd, 0x01, 0x02, 0x03, 0x04, 0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0x70, 0x80]);
    expect((await probe.obj.run("reads", udpWith(payload))).retval).toBe(XdpVerdict.Drop);
    const s = await slots();
    expect(s.slice(0, 7)).toEqual([BigInt(payload.length), 11n, 0xabcdn, 0x01020304n, 0x1020304050607080n, BigInt(payload.readUInt16BE(11)), BigInt(payload.readUInt32BE(1))]);
  });

  it.each([0, 1, 2, 6, 14])("a read past the end of a %i-byte payload ends the program with onError (Aborted)", async (cut) => {
    const full = Buffer.from([11, 0xab, 0xcd, 0x01, 0x02, 0x03, 0x04, 0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0x70, 0x80]);
    expect((await probe.obj.run("reads", udpWith(full.subarray(0, cut)))).retval).toBe(XdpVerdict.Aborted);
  });

  it("an offset read from the packet that points outside it ends the program", async () => {
    const payload = Buffer.alloc(15, 0);
    payload[0] = 14; // u16 at 14 needs bytes 14 and 15: one past the end
    expect((await probe.obj.run("reads", udpWith(payload))).retval).toBe(XdpVerdict.Aborted);
    payload[0] = 13;
    expect((await probe.obj.run("reads", udpWith(payload))).retval).toBe(XdpVerdict.Drop);
  });

  it("parses a payload as a new packet", async () => {
    const inner = eth().ipv4({ dst: "192.0.2.7" }).tcp({ dport: 4242 }).payload(Buffer.alloc(5)).build().subarray(14);
    expect((await probe.obj.run("reparse", eth().ipv4().udp().payload(inner).build())).retval).toBe(XdpVerdict.Drop);
    const s = await slots();
    expect(s.slice(8, 11)).toEqual([BigInt(parseIpv4("192.0.2.7").readUInt32BE(0)), 4242n, 5n]);
    expect((await probe.obj.run("reparse", eth().ipv4().udp().payload(inner.subarray(0, 30)).build())).retval).toBe(XdpVerdict.Pass);
  });

  it("options() gives a header's options as a cursor that ends where the header does", async () => {
    const frame = eth().ipv4({ options: Buffer.from([1, 1, 1, 0]) }).tcp({ options: Buffer.from([2, 4, 0x05, 0xb4, 1, 1, 1, 0]) }).payload("data").build();
    expect((await probe.obj.run("options", frame)).retval).toBe(XdpVerdict.Drop);
    const s = await slots();
    expect(s.slice(11, 14)).toEqual([4n, 8n, 1460n]);
    // 4 bytes of options: the read at offset 4 is past them although the packet goes on
    const short = eth().ipv4().tcp({ options: Buffer.from([2, 4, 0x05, 0xb4]) }).payload("data").build();
    expect((await probe.obj.run("options", short)).retval).toBe(XdpVerdict.Aborted);
  });
  it("a run of accesses at constant offsets is checked once: inside the packet all are made, one outside ends the program before any", async () => {
    const frame = Buffer.alloc(100, 0x11);
    frame[0] = 0x5a;
    const r = await probe.obj.run("run", frame);
    expect(r.retval).toBe(XdpVerdict.Tx);
    expect([...r.dataOut.subarray(0, 5)]).toEqual([0xee, 1, 2, 3, 4]);
    expect(r.dataOut[99]).toBe(0x5a);
    // 99 bytes: the last write is one past the end; the writes before it in the run are not made
    const short = Buffer.alloc(99, 0x11);
    const s = await probe.obj.run("run", short);
    expect(s.retval).toBe(XdpVerdict.Aborted);
    expect(s.dataOut.equals(short)).toBe(true);
  });

  it("an access on one path only is checked where it is made, not with the run", async () => {
    const frame = Buffer.alloc(60, 0);
    const r = await probe.obj.run("conditional", frame);
    expect(r.retval).toBe(XdpVerdict.Pass);
    expect(r.dataOut[0]).toBe(0xee);
    frame[1] = 1;
    const s = await probe.obj.run("conditional", frame);
    expect(s.retval).toBe(XdpVerdict.Aborted);
    expect(s.dataOut[0]).toBe(0xee);
    expect((await probe.obj.run("conditional", Buffer.concat([frame, Buffer.alloc(40, 9)]))).retval).toBe(XdpVerdict.Drop);
  });
});
