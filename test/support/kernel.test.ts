// Tests of the kernel test support: a hand-written XDP program loaded into a private bpffs, run on packets, and unloaded.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, expect, it } from "vitest";
import { BpfLoadError, compileBpfC, describeKernel, loadObject, XdpVerdict, type LoadedObject } from "./kernel.js";
import { eth, padTo, truncate } from "./packets.js";

const prelude = `
struct xdp_md { unsigned int data, data_end, data_meta, ingress_ifindex, rx_queue_index, egress_ifindex; };
#define SEC(name) __attribute__((section(name), used))
char LICENSE[] SEC("license") = "GPL";
`;

/** XDP_DROP for frames of 60 bytes or more, XDP_PASS for shorter ones; a second program that always passes. */
const sizeCheck = `${prelude}
SEC("xdp/sizeCheck")
int sizeCheck(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
	return end - data >= 60 ? 1 : 2;
}

SEC("xdp/alwaysPass")
int alwaysPass(struct xdp_md *ctx)
{
	return 2;
}
`;

/** Reads byte 20 of the packet without checking data_end: the verifier must refuse it. */
const unchecked = `${prelude}
SEC("xdp/unchecked")
int unchecked(struct xdp_md *ctx)
{
	unsigned char *data = (void *)(long)ctx->data;
	return data[20] == 6 ? 1 : 2;
}
`;

describeKernel("kernel test support", () => {
  let dir: string;
  let obj: LoadedObject;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "tsbpf-kernel-test-"));
    writeFileSync(join(dir, "size.c"), sizeCheck);
    await compileBpfC(join(dir, "size.c"), join(dir, "size.o"));
    obj = await loadObject(join(dir, "size.o"), { type: "xdp" });
  });
  afterAll(async () => {
    await obj?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("lists the programs by function name", () => {
    expect([...obj.programs].sort()).toEqual(["alwaysPass", "sizeCheck"]);
  });

  it("runs packets through a program and returns its verdicts and output packet", async () => {
    const frame = padTo(eth().ipv4().udp({ dport: 7777 }).build(), 60);
    const big = await obj.run("sizeCheck", frame);
    expect(big.retval).toBe(XdpVerdict.Drop);
    expect(big.dataOut).toEqual(frame);
    const small = await obj.run("sizeCheck", truncate(frame, 59));
    expect(small.retval).toBe(XdpVerdict.Pass);
    expect((await obj.run("alwaysPass", frame)).retval).toBe(XdpVerdict.Pass);
  });

  it("reports a missing program and a frame the kernel refuses", async () => {
    await expect(obj.run("nope", Buffer.alloc(64))).rejects.toThrow(/no program "nope".*sizeCheck/);
    await expect(obj.run("sizeCheck", Buffer.alloc(10))).rejects.toThrow(/prog run sizeCheck failed/);
  });

  it("describes a loaded program", async () => {
    const info = await obj.info("sizeCheck");
    expect(info).toMatchObject({ name: "sizeCheck", type: "xdp" });
    expect(info.id).toBeGreaterThan(0);
  });

  it("close() frees the programs and leaves no mount behind", async () => {
    const other = await loadObject(join(dir, "size.o"), { type: "xdp" });
    const { id } = await other.info("alwaysPass");
    expect((await execa("bpftool", ["prog", "show", "id", String(id)], { reject: false })).failed).toBe(false);
    await other.close();
    await other.close();
    expect((await execa("bpftool", ["prog", "show", "id", String(id)], { reject: false })).failed).toBe(true);
    const mounts = await execa("findmnt", ["-rn", "-t", "bpf", "-o", "TARGET"], { reject: false });
    expect(mounts.stdout).not.toContain("tsbpf-kernel-");
  });

  it("a packet read without a bounds check fails to load, with the verifier's log", async () => {
    writeFileSync(join(dir, "unchecked.c"), unchecked);
    await compileBpfC(join(dir, "unchecked.c"), join(dir, "unchecked.o"));
    const err = await loadObject(join(dir, "unchecked.o"), { type: "xdp" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BpfLoadError);
    const log = (err as BpfLoadError).log;
    expect(log).toMatch(/invalid access to packet/);
    expect(log).toContain("BEGIN PROG LOAD LOG");
    expect((err as BpfLoadError).message).toMatch(/invalid access to packet/);
  });
});
