// tsbpf maps in the kernel: entries of test/kernel/maps.ts written and read through bpftool as the manifest lays them out, and the kernel's LPM match agreeing.
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { registerMapsCommand } from "../../compiler/cli/maps-command.js";
import { DiagnosticError } from "../../compiler/diagnostics/diagnostic.js";
import { deleteMap, dumpMap, formatDump, updateMap, type Exec } from "../../compiler/loader/map-access.js";
import type { ManifestMap } from "../../compiler/manifest/manifest.js";
import { buildProbe, type BuiltProbe } from "../support/build-probe.js";
import { describeKernel, loadObject, XdpVerdict, type LoadedObject } from "../support/kernel.js";
import { eth, parseIpv4 } from "../support/packets.js";

const ip = (a: string) => BigInt(parseIpv4(a).readUInt32BE(0));

describeKernel("tsbpf maps", () => {
  let built: BuiltProbe;
  let obj: LoadedObject;
  let exec: Exec;
  beforeAll(async () => {
    built = await buildProbe(join(import.meta.dirname, "maps.ts"));
    obj = await loadObject(built.objectFile, { type: "xdp" });
    exec = (c, a) => obj.exec(c, a);
  });
  afterAll(async () => {
    await obj?.close();
    built?.remove();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const map = (name: string): ManifestMap => built.manifest.maps.find((m) => m.name === name)!;
  const dump = (name: string) => dumpMap(map(name), obj.mapPath(name), exec);
  const update = (name: string, key: string, value: string) => updateMap(map(name), obj.mapPath(name), key, value, exec);
  const remove = (name: string, key: string) => deleteMap(map(name), obj.mapPath(name), key, exec);

  it("an IPv4 prefix written as CIDR reads back as CIDR, and the kernel's longest-prefix match finds it", async () => {
    await update("blocked", "10.1.0.0/16", "7");
    await update("blocked", "10.0.0.0/8", "0x3");
    const entries = await dump("blocked");
    expect(entries).toEqual(expect.arrayContaining([{ key: { prefixLen: 16n, addr: ip("10.1.0.0") }, value: 7n }, { key: { prefixLen: 8n, addr: ip("10.0.0.0") }, value: 3n }]));
    expect(formatDump(map("blocked"), entries, false).split("\n")).toEqual(expect.arrayContaining(["10.1.0.0/16 → 7", "10.0.0.0/8 → 3"]));

    expect((await obj.run("prefixes", eth().ipv4({ src: "10.1.2.3" }).udp().build())).retval).toBe(XdpVerdict.Drop);
    expect(await dump("lastMatch")).toEqual([{ key: 0n, value: 7n }]);
    expect((await obj.run("prefixes", eth().ipv4({ src: "10.9.9.9" }).udp().build())).retval).toBe(XdpVerdict.Drop);
    expect(await dump("lastMatch")).toEqual([{ key: 0n, value: 3n }]);
    // the program added 100 to the /16 it matched
    expect((await dump("blocked")).find((e) => (e.key as { prefixLen: bigint }).prefixLen === 16n)!.value).toBe(107n);
  });

  it("an IPv6 prefix", async () => {
    await update("blocked6", "2001:db8::/32", "6");
    expect(formatDump(map("blocked6"), await dump("blocked6"), false)).toBe("2001:db8::/32 → 6");
    expect(JSON.parse(formatDump(map("blocked6"), await dump("blocked6"), true))).toEqual([{ key: "2001:db8::/32", value: 6 }]);
  });

  it("a struct key and value as JSON: written, read back, deleted", async () => {
    const key = '{"saddr": "0x0a000001", "daddr": 167772162, "sport": 1234, "dport": 80}';
    await update("flows", key, '{"packets": 5, "bytes": "18446744073709551615"}');
    const wanted = { key: { saddr: ip("10.0.0.1"), daddr: ip("10.0.0.2"), sport: 1234n, dport: 80n }, value: { packets: 5n, bytes: 2n ** 64n - 1n } };
    expect(await dump("flows")).toContainEqual(wanted);
    expect(JSON.parse(formatDump(map("flows"), await dump("flows"), true))).toContainEqual({ key: { saddr: 167772161, daddr: 167772162, sport: 1234, dport: 80 }, value: { packets: "5", bytes: "18446744073709551615" } });
    await remove("flows", key);
    expect(await dump("flows")).not.toContainEqual(wanted);
    await expect(remove("flows", key)).rejects.toThrow('map "flows": there is no key { saddr: 167772161, daddr: 167772162, sport: 1234, dport: 80 }');
  });

  it("per-CPU maps: bpftool writes the one value to every CPU; the dump sums them", async () => {
    await update("portsPerCpu", "443", "9");
    const entry = (await dump("portsPerCpu")).find((e) => e.key === 443n)!;
    expect(entry.perCpu!.length).toBeGreaterThan(0);
    expect(entry.perCpu!.every((v) => v === 9n)).toBe(true);
    expect(entry.value).toBe(9n * BigInt(entry.perCpu!.length));
    await update("perCpu", "2", "4");
    expect((await dump("perCpu"))[2]!.perCpu!.every((v) => v === 4n)).toBe(true);
  });

  it("arrays, DevMap and ProgArray: u32 indexes", async () => {
    await update("counters", "5", "0xff");
    expect((await dump("counters"))[5]).toEqual({ key: 5n, value: 255n });
    await update("ports", "0", "1");
    expect(await dump("ports")).toEqual([{ key: 0n, value: 1n }]);
    await update("jumps", "2", obj.programPath("jumpTarget"));
    expect((await obj.run("jump", eth().build())).retval).toBe(XdpVerdict.Tx);
    const id = (await obj.info("jumpTarget")).id;
    expect(await dump("jumps")).toEqual([{ key: 2n, value: BigInt(id) }]);
  });

  it("refuses bad keys, deleting from an array and dumping a ring buffer, naming the map", async () => {
    await expect(update("blocked", "10.0.0.0/33", "1")).rejects.toThrow('map "blocked": invalid key "10.0.0.0/33": key: the prefix length 33 is more than 32; expected an IPv4 prefix address/length (length 0..32), e.g. 10.0.0.0/8');
    await expect(update("flows", '{"saddr": 1}', "{}")).rejects.toThrow(/map "flows": invalid key .* key lacks daddr, sport, dport; expected a JSON object with saddr \(u32\)/);
    await expect(remove("counters", "1")).rejects.toThrow('map "counters" is an ArrayMap: its 8 entries always exist and cannot be deleted');
    await expect(dump("events")).rejects.toThrow('map "events" is a ring buffer');
    await expect(dump("sockets")).rejects.toThrow(/map "sockets": an XskMap's sockets cannot be read from user space/);
  });

  describe("the maps command", () => {
    async function tsbpf(...args: string[]): Promise<string> {
      const out: string[] = [];
      vi.spyOn(console, "log").mockImplementation((line: string) => void out.push(line));
      const cmd = new Command("tsbpf").exitOverride();
      registerMapsCommand(cmd, async (name, iface) => {
        if (iface !== undefined && iface !== "test0") throw new Error(`no probe on ${iface}`);
        return { map: map(name), pinPath: obj.mapPath(name) };
      }, exec);
      await cmd.parseAsync(args, { from: "user" });
      return out.join("\n");
    }

    it("update, dump (text and --json) and delete", async () => {
      expect(await tsbpf("maps", "update", "lastSeen", "0x0a000009", "12", "--iface", "test0")).toBe("lastSeen: 0x0a000009 set to 12");
      expect(await tsbpf("maps", "dump", "lastSeen")).toContain(`${ip("10.0.0.9")} → 12`);
      expect(JSON.parse(await tsbpf("maps", "dump", "lastSeen", "--json", "-i", "test0"))).toContainEqual({ key: Number(ip("10.0.0.9")), value: "12" });
      expect(await tsbpf("maps", "delete", "lastSeen", String(ip("10.0.0.9")))).toBe(`lastSeen: ${ip("10.0.0.9")} deleted`);
      expect(await tsbpf("maps", "dump", "lastSeen", "--json")).not.toContain(String(ip("10.0.0.9")));
    });

    it("reports mistakes as TSBPF9006 diagnostics", async () => {
      const failure = await tsbpf("maps", "update", "counters", "99", "1").catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(DiagnosticError);
      expect((failure as DiagnosticError).diagnostics).toEqual([{ code: "TSBPF9006", severity: "error", message: 'map "counters": index 99 is out of range: the ArrayMap has 8 entries (0..7)' }]);
      await expect(tsbpf("maps", "delete", "counters", "1")).rejects.toThrow(/TSBPF9006: map "counters" is an ArrayMap/);
      await expect(tsbpf("maps", "dump", "events")).rejects.toThrow(/TSBPF9006: map "events" is a ring buffer/);
      await expect(tsbpf("maps", "update", "blocked", "300.1.1.1/8", "1")).rejects.toThrow(/TSBPF9006: .*300 is more than 255/);
    });

    it("leaves argument errors to commander", async () => {
      vi.spyOn(process.stderr, "write").mockImplementation(() => true);
      await expect(tsbpf("maps", "update", "counters", "1")).rejects.toMatchObject({ code: "commander.missingArgument" });
    });
  });
});
