// Every map kind in the kernel: packets run through programs of test/kernel/maps.ts, then the maps are read back through the manifest.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execa } from "execa";
import { drainRingbuf } from "../../compiler/loader/ringbuf.js";
import { decode } from "../../compiler/object/codec.js";
import { patchConfig } from "../../compiler/object/config-patch.js";
import { buildProbe, useProbe, type BuiltProbe } from "../support/build-probe.js";
import { describeKernel, loadObject, XdpVerdict, type LoadedObject } from "../support/kernel.js";
import { readMap, writeMap } from "../support/maps.js";
import { eth, parseIpv4, TcpFlags } from "../support/packets.js";

const ip = (a: string) => BigInt(parseIpv4(a).readUInt32BE(0));
const tcpPacket = (src: string, dst: string, sport: number, dport: number, o: { ttl?: number; seq?: number; flags?: number; payload?: number } = {}) =>
  eth().ipv4({ src, dst, ttl: o.ttl ?? 64 }).tcp({ sport, dport, seq: o.seq ?? 1, flags: o.flags ?? TcpFlags.ACK }).payload(Buffer.alloc(o.payload ?? 0)).build();

describeKernel("maps", () => {
  const probe = useProbe(join(import.meta.dirname, "maps.ts"));
  const run = async (program: string, packet: Buffer) => (await probe.obj.run(program, packet)).retval;

  it("names every map after its variable, with the manifest's types and sizes", async () => {
    const names = probe.built.manifest.maps.map((m) => m.name);
    expect(names).toEqual(["flows", "lastSeen", "portsPerCpu", "counters", "perCpu", "blocked", "blocked6", "lastMatch", "events", "ports", "sockets", "jumps"]);
    expect(probe.obj.maps).toEqual(expect.arrayContaining(names));
    const flows = probe.built.manifest.maps[0]!;
    expect(flows).toMatchObject({ kind: "HashMap", type: "BPF_MAP_TYPE_HASH", maxEntries: 1024 });
    expect(flows.key).toMatchObject({ kind: "struct", size: 12, fields: [{ name: "saddr", offset: 0 }, { name: "daddr", offset: 4 }, { name: "sport", offset: 8 }, { name: "dport", offset: 10 }] });
    expect(flows.value).toMatchObject({ kind: "struct", size: 16 });
  });

  it("lays out structs as the C compiler did (the object's BTF)", async () => {
    const { stdout } = await execa("bpftool", ["btf", "dump", "file", probe.built.objectFile, "-j"]);
    const btf = JSON.parse(stdout).types as { kind: string; name: string; size: number; members?: { name: string; bits_offset: number }[] }[];
    const flows = probe.built.manifest.maps.find((m) => m.name === "flows")!;
    for (const layout of [flows.key!, flows.value]) {
      if (layout.kind !== "struct") throw new Error("expected struct layouts");
      const struct = btf.find((t) => t.kind === "STRUCT" && t.name === layout.name)!;
      expect(struct.size).toBe(layout.size);
      expect(struct.members!.map((m) => [m.name, m.bits_offset / 8])).toEqual(layout.fields.map((f) => [f.name, f.offset]));
    }
  });

  it("RingBuf: one record per packet, decoded with the manifest's layout", async () => {
    const before = process.hrtime.bigint();
    for (const [sport, seq] of [[1000, 7], [2000, 8], [3000, 0xfffffff0]] as const) {
      expect(await run("ring", tcpPacket("10.0.0.1", "10.0.0.2", sport, 53, { seq }))).toBe(XdpVerdict.Drop);
    }
    const layout = probe.built.manifest.maps.find((m) => m.name === "events")!.value;
    const records = (await drainRingbuf(probe.obj.mapPath("events"), (cmd, args) => probe.obj.exec(cmd, args))).map((r) => decode(layout, r) as Record<string, bigint>);
    expect(records.map((r) => [r.sport, r.dport, r.seq])).toEqual([[1000n, 53n, 7n], [2000n, 53n, 8n], [3000n, 53n, 0xfffffff0n]]);
    for (const r of records) expect(r.stamp).toBeGreaterThanOrEqual(before);
  });

  describe("hash, LRU, per-CPU and array maps", () => {
    // three packets of one flow, one of another; the second flow ends with RST, which deletes it
    const sent = [
      tcpPacket("10.1.1.1", "10.2.2.2", 40000, 443, { ttl: 10, seq: 5, payload: 10 }),
      tcpPacket("10.1.1.1", "10.2.2.2", 40000, 443, { ttl: 20, seq: 6 }),
      tcpPacket("10.1.1.1", "10.2.2.2", 40000, 443, { ttl: 30, seq: 7, payload: 3 }),
      tcpPacket("10.3.3.3", "10.2.2.2", 50000, 81, { ttl: 1, seq: 9 }),
      tcpPacket("10.3.3.3", "10.2.2.2", 50000, 81, { ttl: 2, seq: 10, flags: TcpFlags.RST }),
    ];
    beforeAll(async () => {
      for (const p of sent) expect(await run("countFlows", p)).toBe(XdpVerdict.Pass);
    });

    it("HashMap: struct keys and struct values written through get()", async () => {
      const entries = await readMap(probe.obj, probe.built.manifest, "flows");
      // IPv4 total length = 20 + 20 + payload
      expect(entries).toEqual([{ key: { saddr: ip("10.1.1.1"), daddr: ip("10.2.2.2"), sport: 40000n, dport: 443n }, value: { packets: 3n, bytes: 50n + 40n + 43n } }]);
    });

    it("LruHashMap: the last sequence number per source", async () => {
      const entries = await readMap(probe.obj, probe.built.manifest, "lastSeen");
      const bySource = Object.fromEntries(entries.map((e) => [String(e.key), e.value]));
      expect(bySource).toEqual({ [String(ip("10.1.1.1"))]: 7n, [String(ip("10.3.3.3"))]: 10n });
    });

    it("PerCpuHashMap: increment by 2 per packet, summed over CPUs", async () => {
      const entries = await readMap(probe.obj, probe.built.manifest, "portsPerCpu");
      const sums = Object.fromEntries(entries.map((e) => [String(e.key), e.perCpu!.reduce((a, b) => (a as bigint) + (b as bigint), 0n)]));
      expect(sums).toEqual({ "443": 6n, "81": 4n });
    });

    it("ArrayMap: atomic increments, by 1 and by a computed amount", async () => {
      const values = (await readMap(probe.obj, probe.built.manifest, "counters")).map((e) => e.value);
      const expected = Array(8).fill(0n);
      expected[0] = 5n;
      expected[443 & 7] += 10n + 20n + 30n;
      expected[81 & 7] += 1n + 2n;
      expect(values).toEqual(expected);
    });

    it("PerCpuArray: one value per CPU", async () => {
      const entry = (await readMap(probe.obj, probe.built.manifest, "perCpu"))[3]!;
      expect(entry.perCpu!.reduce((a, b) => (a as bigint) + (b as bigint), 0n)).toBe(5n);
    });
  });

  describe("LpmTrie", () => {
    beforeAll(async () => {
      const prefixes: [string, number, bigint][] = [["10.0.0.0", 8, 1n], ["10.1.0.0", 16, 2n], ["10.1.2.0", 24, 3n], ["10.1.2.3", 32, 4n]];
      for (const [addr, prefixLen, id] of prefixes) await writeMap(probe.obj, probe.built.manifest, "blocked", { prefixLen: BigInt(prefixLen), addr: ip(addr) }, id);
    });

    it.each([["10.9.9.9", 1n], ["10.1.9.9", 2n], ["10.1.2.9", 3n], ["10.1.2.3", 4n]])("%s matches the longest prefix (value %s)", async (src, id) => {
      expect(await run("prefixes", eth().ipv4({ src, dst: "192.168.7.9" }).udp().build())).toBe(XdpVerdict.Drop);
      expect((await readMap(probe.obj, probe.built.manifest, "lastMatch"))[0]!.value).toBe(id);
    });

    it("an address outside every prefix matches nothing", async () => {
      expect(await run("prefixes", eth().ipv4({ src: "11.0.0.1" }).udp().build())).toBe(XdpVerdict.Pass);
      expect((await readMap(probe.obj, probe.built.manifest, "lastMatch"))[0]!.value).toBe(0n);
    });

    it("stores program-made keys in network order and writes values through", async () => {
      const entries = await readMap(probe.obj, probe.built.manifest, "blocked");
      const byPrefix = new Map(entries.map((e) => [JSON.stringify(e.key, (_, v) => (typeof v === "bigint" ? String(v) : v)), e.value]));
      // 10.0.0.0/8 was hit once (10.9.9.9) → 1 + 100; the /32 once → 4 + 100; the program stored 192.168.7.9/24 → 77 (the kernel keeps the host bits it is given)
      expect(byPrefix.get(JSON.stringify({ prefixLen: "8", addr: String(ip("10.0.0.0")) }))).toBe(101n);
      expect(byPrefix.get(JSON.stringify({ prefixLen: "32", addr: String(ip("10.1.2.3")) }))).toBe(104n);
      expect(byPrefix.get(JSON.stringify({ prefixLen: "24", addr: String(ip("192.168.7.9")) }))).toBe(77n);
      const raw = await probe.obj.mapDump("blocked");
      expect(raw.map((e) => e.key.toString("hex"))).toContain("18000000" + "c0a80709");
    });

    it("IPv6 prefixes match by bytes", async () => {
      expect(await run("prefixes6", eth().build())).toBe(XdpVerdict.Drop);
      const entries = await readMap(probe.obj, probe.built.manifest, "blocked6");
      expect(entries).toEqual([{ key: { prefixLen: 32n, addr: [0x20n, 0x01n, 0x0dn, 0xb8n, ...Array(11).fill(0n), 1n] }, value: 6n }]);
    });
  });

  describe("DevMap, XskMap and ProgArray", () => {
    it("DevMap.redirect gives the fallback for an empty slot and Redirect once it holds a device", async () => {
      expect(await run("toDevice", eth().build())).toBe(XdpVerdict.Pass);
      await probe.obj.mapUpdate("ports", Buffer.from([0, 0, 0, 0]), Buffer.from([1, 0, 0, 0])); // ifindex 1: lo
      expect(await run("toDevice", eth().build())).toBe(XdpVerdict.Redirect);
    });

    it("XskMap.redirect without a socket gives the fallback", async () => {
      expect(await run("toSocket", eth().build())).toBe(XdpVerdict.Drop);
    });

    it("ProgArray.tailCall falls through when empty and jumps once the slot holds a program", async () => {
      expect(await run("jump", eth().build())).toBe(XdpVerdict.Pass);
      await probe.obj.mapUpdate("jumps", Buffer.from([2, 0, 0, 0]), { pinned: probe.obj.programPath("jumpTarget") });
      expect(await run("jump", eth().build())).toBe(XdpVerdict.Tx);
    });
  });
});

describeKernel("config()", () => {
  let built: BuiltProbe;
  const loaded: LoadedObject[] = [];
  beforeAll(async () => {
    built = await buildProbe(join(import.meta.dirname, "maps.ts"));
  });
  afterAll(async () => {
    for (const o of loaded) await o.close();
    built?.remove();
  });

  async function loadPatched(values: Record<string, bigint>): Promise<LoadedObject> {
    const cfg = built.manifest.config[0]!;
    const file = join(built.dir, `patched-${loaded.length}.bpf.o`);
    writeFileSync(file, patchConfig(readFileSync(built.objectFile), cfg, values));
    const obj = await loadObject(file, { type: "xdp" });
    loaded.push(obj);
    return obj;
  }

  it("records each constant's type, offset and default in the manifest", () => {
    expect(built.manifest.config).toEqual([{
      name: "cfg", symbol: "cfg", section: ".rodata", sectionOffset: expect.any(Number), size: 4,
      fields: [
        { name: "blockedPort", type: "u16", offset: 0, size: 2, signed: false, default: "22" },
        { name: "dropAll", type: "bool", offset: 2, size: 1, signed: false, default: "0" },
        { name: "shift", type: "i8", offset: 3, size: 1, signed: true, default: "-3" },
      ],
    }]);
  });

  it("the defaults apply unpatched; a patched port changes the verdict", async () => {
    const original = await loadPatched({});
    expect((await original.run("configured", tcpPacket("10.0.0.1", "10.0.0.2", 1000, 22))).retval).toBe(XdpVerdict.Drop);
    expect((await original.run("configured", tcpPacket("10.0.0.1", "10.0.0.2", 1000, 8080))).retval).toBe(XdpVerdict.Pass);
    const patched = await loadPatched({ blockedPort: 8080n });
    expect((await patched.run("configured", tcpPacket("10.0.0.1", "10.0.0.2", 1000, 22))).retval).toBe(XdpVerdict.Pass);
    expect((await patched.run("configured", tcpPacket("10.0.0.1", "10.0.0.2", 1000, 8080))).retval).toBe(XdpVerdict.Drop);
  });

  it("the verifier sees the constants: with dropAll the rest of the program is dead and removed", async () => {
    const normal = await loadPatched({});
    const dropAll = await loadPatched({ dropAll: 1n });
    expect((await dropAll.run("configured", tcpPacket("10.0.0.1", "10.0.0.2", 1000, 8080))).retval).toBe(XdpVerdict.Drop);
    const size = async (o: LoadedObject) => Number((await o.info("configured")).bytes_xlated);
    expect(await size(dropAll)).toBeLessThan((await size(normal)) / 3);
  });
});
