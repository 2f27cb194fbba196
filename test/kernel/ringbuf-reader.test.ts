// tsbpf-ringbuf-reader in the kernel: records an XDP program writes to a ring buffer come back whole and in order, once.
import { accessSync, constants, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, expect, it } from "vitest";
import { drainRingbuf, followRingbuf, ringbufReaderPath } from "../../compiler/loader/ringbuf.js";
import { compileBpfC, describeKernel, loadObject, XdpVerdict, type LoadedObject } from "../support/kernel.js";

/** <linux/bpf.h> needs <asm/types.h>, which Debian keeps under /usr/include/<multiarch triple>, outside the BPF target's search path. */
async function multiarchIncludes(): Promise<string[]> {
  const triple = (await execa("clang", ["-print-multiarch"], { reject: false })).stdout.trim();
  const dir = join("/usr/include", triple);
  return triple && existsSync(join(dir, "asm")) ? [`-I${dir}`] : [];
}

/** A 64-byte packet whose first 4 bytes are `first`. */
function packet(first: number[]): Buffer {
  const p = Buffer.alloc(64, 0xee);
  Buffer.from(first).copy(p);
  return p;
}

/** The record ringbuf_writer writes for a packet: its first 4 bytes, its length (u32) and 0x1122334455667788 (u64), host order. */
function expectedRecord(p: Buffer): Buffer {
  const r = Buffer.alloc(16);
  p.copy(r, 0, 0, 4);
  r.writeUInt32LE(p.length, 4);
  r.writeBigUInt64LE(0x1122334455667788n, 8);
  return r;
}

describeKernel("tsbpf-ringbuf-reader", () => {
  let work = "";
  let obj: LoadedObject | undefined;
  const exec = (cmd: string, args: string[]) => obj!.exec(cmd, args);

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "tsbpf-ringbuf-"));
    const objFile = join(work, "ringbuf-writer.bpf.o");
    await compileBpfC(join(import.meta.dirname, "fixtures", "ringbuf-writer.bpf.c"), objFile, await multiarchIncludes());
    obj = await loadObject(objFile, { type: "xdp" });
  });
  afterAll(async () => {
    await obj?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("builds the reader binary", () => {
    const reader = ringbufReaderPath();
    expect(isAbsolute(reader)).toBe(true);
    expect(reader.endsWith(join("dist", "native", "tsbpf-ringbuf-reader"))).toBe(true);
    accessSync(reader, constants.X_OK);
  });

  it("drains the records in the order they were written, and only once", async () => {
    expect(obj!.maps).toContain("events");
    const packets = [packet([0x01, 0x02, 0x03, 0x04]), packet([0xa0, 0xb1, 0xc2, 0xd3]), packet([0xff, 0x00, 0x7f, 0x80])];
    for (const p of packets) expect((await obj!.run("ringbuf_writer", p)).retval).toBe(XdpVerdict.Pass);

    const records = await drainRingbuf(obj!.mapPath("events"), exec);
    expect(records.map((r) => r.toString("hex"))).toEqual(packets.map((p) => expectedRecord(p).toString("hex")));
    expect(await drainRingbuf(obj!.mapPath("events"), exec)).toEqual([]);
  });

  it("follows the ring buffer until stopped", async () => {
    const received: Buffer[] = [];
    const follower = followRingbuf(obj!.mapPath("events"), (r) => received.push(r), exec);
    const packets = [packet([0x10, 0x20, 0x30, 0x40]), packet([0x50, 0x60, 0x70, 0x80])];
    try {
      for (const p of packets) await obj!.run("ringbuf_writer", p);
      const deadline = Date.now() + 10_000;
      while (received.length < packets.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    } finally {
      await follower.stop();
    }
    expect(received.map((r) => r.toString("hex"))).toEqual(packets.map((p) => expectedRecord(p).toString("hex")));
    expect(await drainRingbuf(obj!.mapPath("events"), exec)).toEqual([]);
  });

  it("refuses a path that does not exist", async () => {
    const missing = join(dirname(obj!.mapPath("events")), "no-such-map");
    await expect(drainRingbuf(missing, exec)).rejects.toThrow(/cannot open .*no-such-map: No such file or directory/);
    await expect(drainRingbuf(join(work, "no-such-map"))).rejects.toThrow(/cannot open/);
  });

  it("refuses a map that is not a ring buffer", async () => {
    await expect(drainRingbuf(obj!.mapPath("not_a_ringbuf"), exec)).rejects.toThrow(/cannot open .*not_a_ringbuf: not a ring buffer/);
  });
});
