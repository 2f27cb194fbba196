// log.* events in the kernel: drained from the ring buffer by the native reader and decoded through the manifest.
import { join } from "node:path";
import { expect, it } from "vitest";
import { decodeLogEvent } from "../../compiler/loader/log-events.js";
import { drainRingbuf } from "../../compiler/loader/ringbuf.js";
import { useProbe } from "../support/build-probe.js";
import { describeKernel, XdpVerdict } from "../support/kernel.js";
import { eth, TcpFlags } from "../support/packets.js";

describeKernel("log", () => {
  const probe = useProbe(join(import.meta.dirname, "log.ts"));
  const drain = async () => (await drainRingbuf(probe.obj.mapPath("tsbpf_log"), (cmd, args) => probe.obj.exec(cmd, args))).map((r) => decodeLogEvent(probe.built.manifest.log!, r));

  it("keeps formats in the manifest, not in the events", () => {
    expect(probe.built.manifest.log?.sites.map((s) => [s.level, s.format, s.function, s.line])).toEqual([
      ["warn", "helper saw port %u (%x)", "note", 4],
      ["error", "not TCP over IPv4", "logged", 13],
      ["info", "tcp %u -> %u ttl=%d", "logged", 16],
      ["info", "delta %d hex %x 100%%", "logged", 18],
      ["error", "eight %u %u %u %u %u %u %u %d", "logged", 20],
    ]);
  });

  it("decodes every event with its arguments, in order", async () => {
    const before = process.hrtime.bigint();
    expect((await probe.obj.run("logged", eth().ipv4({ ttl: 7 }).tcp({ sport: 1234, dport: 0xbeef, flags: TcpFlags.SYN }).build())).retval).toBe(XdpVerdict.Drop);
    expect((await probe.obj.run("logged", eth().ipv6().build())).retval).toBe(XdpVerdict.Pass);
    const events = await drain();
    expect(events.map((e) => [e.level, e.message])).toEqual([
      ["info", "tcp 1234 -> 48879 ttl=7"],
      ["info", "delta -93 hex ffffffa3 100%"],
      ["warn", "helper saw port 48879 (beef)"],
      ["error", "eight 1 2 3 4 5 6 1 -9"],
      ["error", "not TCP over IPv4"],
    ]);
    expect(events[0]!.args).toEqual([1234n, 48879n, 7n]);
    expect(events[0]!.file).toBe("log.ts");
    for (const e of events) expect(e.ns).toBeGreaterThanOrEqual(before);
    expect(await drain()).toEqual([]);
  });
});
