// tc classifiers through BPF_PROG_TEST_RUN: verdicts, the rewritten packet with a valid checksum, and __sk_buff fields written back.
import { join } from "node:path";
import { execa } from "execa";
import { expect, it } from "vitest";
import { useProbe } from "../support/build-probe.js";
import { describeKernel, TcVerdict } from "../support/kernel.js";
import { checkFrame } from "../support/frame-check.js";
import { readMap } from "../support/maps.js";
import { eth } from "../support/packets.js";

/** Offsets in struct __sk_buff, read from the system's own linux/bpf.h by the C compiler. */
async function skbOffsets(): Promise<Record<string, number>> {
  const src = '#include <linux/bpf.h>\n#include <stddef.h>\n#include <stdio.h>\nint main(void){printf("%zu %zu %zu %zu\\n", offsetof(struct __sk_buff, mark), offsetof(struct __sk_buff, priority), offsetof(struct __sk_buff, cb), sizeof(struct __sk_buff));}';
  const { stdout } = await execa("sh", ["-c", `cat > "$1/o.c" && clang -o "$1/o" "$1/o.c" && "$1/o"`, "sh", (await import("node:os")).tmpdir()], { input: src });
  const [mark, priority, cb, size] = stdout.trim().split(" ").map(Number);
  return { mark: mark!, priority: priority!, cb: cb!, size: size! };
}

describeKernel("tc classifiers", () => {
  const probe = useProbe(join(import.meta.dirname, "tc.ts"), "classifier");

  it("the manifest names the program type and tc attach hints", () => {
    expect(probe.built.manifest.programs.map((p) => [p.name, p.type, p.kernelType, p.section, p.attach])).toEqual([
      ["shape", "tc", "classifier", "tc/shape", { kind: "tc", directions: ["ingress", "egress"] }],
      ["raw", "tc", "classifier", "tc/raw", { kind: "tc", directions: ["ingress", "egress"] }],
    ]);
  });

  it("drops SSH with TC_ACT_SHOT and lets other traffic through", async () => {
    expect((await probe.obj.run("shape", eth().ipv4().tcp({ dport: 22 }).build())).retval).toBe(TcVerdict.Shot);
    expect((await probe.obj.run("shape", eth().ipv4().udp().build())).retval).toBe(TcVerdict.Ok);
  });

  it("rewrites the TTL with a valid checksum and writes mark, priority and cb into the socket buffer", async () => {
    const frame = eth().ipv4({ ttl: 9 }).tcp({ dport: 443 }).payload("data").build();
    const off = await skbOffsets();
    const r = await probe.obj.run("shape", frame, { ctxOut: off.size });
    expect(r.retval).toBe(TcVerdict.Pipe);
    expect(r.dataOut[22]).toBe(8);
    expect(checkFrame(r.dataOut).checksums).toEqual({ ipv4: true, tcp: true });
    expect(r.ctxOut!.readUInt32LE(off.mark)).toBe(0x2a);
    expect(r.ctxOut!.readUInt32LE(off.priority)).toBe(6);
    expect(r.ctxOut!.readUInt32LE(off.cb + 4)).toBe(443);
    const [len, protocol, hostProtocol, shortLen] = (await readMap(probe.obj, probe.built.manifest, "seen")).map((e) => e.value);
    expect(len).toBe(BigInt(frame.length));
    expect(shortLen).toBe(BigInt(frame.length));
    expect(protocol).toBe(0x0008n); // ETH_P_IP in network byte order, as the kernel keeps skb->protocol
    expect(hostProtocol).toBe(0x0800n); // ctx.protocol: host byte order, like every getter
  });

  it("raw reads on the linear data; out of bounds gives onError (Shot)", async () => {
    expect((await probe.obj.run("raw", eth().ipv4().udp().payload(Buffer.from([1, 0x7e])).build())).retval).toBe(TcVerdict.Ok);
    expect((await probe.obj.run("raw", eth().ipv4().udp().payload(Buffer.from([0x7f])).build())).retval).toBe(TcVerdict.Reclassify);
  });
});
