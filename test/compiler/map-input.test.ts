// tsbpf maps without a kernel: key and value text parsed and printed by hand-built layouts, bytes checked by hand, and bpftool driven through a fake.
import { describe, expect, it } from "vitest";
import { deleteMap, dumpMap, formatDump, formatMapValue, parseMapInput, updateMap, type Exec } from "../../compiler/loader/map-access.js";
import type { ManifestMap } from "../../compiler/manifest/manifest.js";
import { encode } from "../../compiler/object/codec.js";
import type { Layout } from "../../compiler/types/layout.js";
import type { IntName } from "../../compiler/types/int-types.js";

const int = (type: IntName, big = false): Layout => {
  const size = Number(type.slice(1)) / 8;
  return { kind: "int", type, size, align: size, ...(big ? { byteOrder: "big" as const } : {}) };
};
const u8x = (length: number): Layout => ({ kind: "array", element: int("u8"), length, size: length, align: 1 });
const inner: Layout = { kind: "struct", name: "Inner", size: 4, align: 2, fields: [{ name: "lo", offset: 0, layout: int("u16") }, { name: "hi", offset: 2, layout: int("u16") }] };
const outer: Layout = {
  kind: "struct", name: "Outer", size: 24, align: 8,
  fields: [{ name: "id", offset: 0, layout: int("u32") }, { name: "inner", offset: 4, layout: inner }, { name: "tags", offset: 8, layout: u8x(4) }, { name: "big", offset: 16, layout: int("u64") }],
};
const ipv4: Layout = { kind: "struct", name: "Ipv4Prefix", size: 8, align: 4, fields: [{ name: "prefixLen", offset: 0, layout: int("u32") }, { name: "addr", offset: 4, layout: int("u32", true) }] };
const ipv6: Layout = { kind: "struct", name: "Ipv6Prefix", size: 20, align: 4, fields: [{ name: "prefixLen", offset: 0, layout: int("u32") }, { name: "addr", offset: 4, layout: u8x(16) }] };

/** The bytes a text encodes to, as hex. */
const bytes = (layout: Layout, text: string, what: "key" | "value" = "key") => encode(layout, parseMapInput(layout, text, what)).toString("hex");
const zeros = (n: number) => "00".repeat(n);

describe("parseMapInput: integers", () => {
  it.each([
    ["u8", "255", "ff"], ["u8", "0x1f", "1f"], ["u16", "0xBEEF", "efbe"], ["u16", "513", "0102"], ["u32", "16909060", "04030201"],
    ["u64", "18446744073709551615", "ffffffffffffffff"], ["u64", " 0x0102030405060708 ", "0807060504030201"],
    ["i32", "-2", "feffffff"], ["i32", "-0x80000000", "00000080"], ["i32", "+7", "07000000"],
  ] as const)("%s %s → %s", (type, text, hex) => {
    expect(bytes(int(type), text)).toBe(hex);
  });

  it("a big-endian u32 is stored most significant byte first, and also takes a dotted quad", () => {
    expect(bytes(int("u32", true), "0x0a000001")).toBe("0a000001");
    expect(bytes(int("u32", true), "10.0.0.1")).toBe("0a000001");
  });

  it("any u32 takes a dotted quad as the host-order number programs read (ip.saddr), as docs/cli.md shows for struct fields", () => {
    expect(bytes(int("u32"), "10.0.0.1")).toBe("0100000a");
    const flow: Layout = { kind: "struct", name: "Flow", size: 8, align: 4, fields: [{ name: "saddr", offset: 0, layout: int("u32") }, { name: "sport", offset: 4, layout: int("u16") }, { name: "pad", offset: 6, layout: int("u16") }] };
    expect(bytes(flow, '{"saddr":"10.0.0.1","sport":80,"pad":0}')).toBe("0100000a" + "5000" + "0000");
    expect(() => parseMapInput(int("u32"), "10.0.0.256", "key")).toThrow(/10\.0\.0\.256 is not an IPv4 address/);
  });

  it.each([
    ["u8", "256", /key = 256 does not fit in u8 \(0\.\.255\)/],
    ["u8", "-1", /does not fit in u8/],
    ["i32", "2147483648", /does not fit in i32 \(-2147483648\.\.2147483647\)/],
    ["u32", "12abc", /key must be an integer; expected a u32 in decimal or 0x hex \(0\.\.4294967295\) or a dotted quad, e\.g\. 1$/],
    ["u16", "10.0.0.1", /must be an integer/],
    ["u16", "", /must be an integer/],
  ] as const)("%s %j is refused", (type, text, error) => {
    expect(() => parseMapInput(int(type), text, "key")).toThrow(error);
  });

  it("names what it parses and the text it was given", () => {
    expect(() => parseMapInput(int("i8"), "200", "value")).toThrow('invalid value "200": value = 200 does not fit in i8 (-128..127); expected an i8 in decimal or 0x hex (-128..127), e.g. -1');
  });
});

describe("parseMapInput: structs and arrays as JSON", () => {
  const text = '{"id": 1, "inner": {"lo": 2, "hi": "0x3"}, "tags": [1, 2, 3, 255], "big": "18446744073709551615"}';

  it("nested structs, fixed arrays and big integers as strings, at their offsets", () => {
    expect(parseMapInput(outer, text, "value")).toEqual({ id: 1n, inner: { lo: 2n, hi: 3n }, tags: [1n, 2n, 3n, 255n], big: 18446744073709551615n });
    expect(bytes(outer, text)).toBe("01000000" + "0200" + "0300" + "010203ff" + zeros(4) + "ff".repeat(8));
  });

  it("an array at the top", () => {
    expect(bytes(u8x(4), '[1, 2, "0x3", 4]')).toBe("01020304");
  });

  it.each([
    ['{"id": 1, "inner": {"lo": 2, "hi": 3}, "tags": [1, 2, 3], "big": 0}', /key\.tags must be an array of 4 values/],
    ['{"id": 1, "inner": {"lo": 2}, "tags": [1, 2, 3, 4], "big": 0}', /key\.inner lacks hi/],
    ['{"id": 1, "inner": {"lo": 2, "hi": 3}, "tags": [1, 2, 3, 4], "big": 0, "extra": 1}', /key has no field "extra"/],
    ['{"id": 1, "inner": {"lo": 2, "hi": 3}, "tags": [1, 2, 3, 256], "big": 0}', /key\.tags\[3\] = 256 does not fit in u8/],
    ['{"id": 1, "inner": {"lo": 2, "hi": 3}, "tags": [1, 2, 3, 4], "big": 18446744073709551615}', /key\.big = 18446744073709552000 is not an exact integer \(write integers beyond 2\^53 as strings\)/],
    ['{"id": 1,', /it is not valid JSON/],
    ["7", /key must be a JSON object/],
  ])("%s is refused", (json, error) => {
    expect(() => parseMapInput(outer, json, "key")).toThrow(error);
  });

  it("an error shows the fields and a JSON example that parses", () => {
    let message = "";
    try {
      parseMapInput(outer, "{}", "key");
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain("expected a JSON object with id (u32), inner (struct), tags (array), big (u64), e.g. '");
    const example = /e\.g\. '(.*)'$/.exec(message)![1]!;
    expect(example).toBe('{"id":1,"inner":{"lo":1,"hi":1},"tags":[1,1,1,1],"big":"1"}');
    expect(() => parseMapInput(outer, example, "key")).not.toThrow();
  });
});

describe("parseMapInput: LPM prefixes", () => {
  it.each([
    ["10.0.0.0/8", "08000000" + "0a000000"],
    ["10.1.0.0/16", "10000000" + "0a010000"],
    ["0.0.0.0/0", zeros(8)],
    ["255.255.255.255/32", "20000000" + "ffffffff"],
    ["192.168.7.9/24", "18000000" + "c0a80709"],
    ['{"prefixLen": 24, "addr": "192.168.7.0"}', "18000000" + "c0a80700"],
    ['{"prefixLen": 24, "addr": 3232237312}', "18000000" + "c0a80700"],
    ['"10.0.0.0/8"', "08000000" + "0a000000"],
  ])("IPv4 %s", (text, hex) => {
    expect(bytes(ipv4, text)).toBe(hex);
  });

  it.each([
    ["10.0.0.0/33", /invalid key "10\.0\.0\.0\/33": key: the prefix length 33 is more than 32; expected an IPv4 prefix address\/length \(length 0\.\.32\), e\.g\. 10\.0\.0\.0\/8$/],
    ["300.1.1.1/8", /300\.1\.1\.1 is not an IPv4 address \(300 is more than 255\)/],
    ["10.0.0/8", /10\.0\.0 is not an IPv4 address/],
    ["10.0.0.0", /key must be address\/length/],
    ["2001:db8::/32", /2001:db8:: is not an IPv4 address/],
    ['{"prefixLen": 8, "addr": "10.0.0.256"}', /key\.addr: 10\.0\.0\.256 is not an IPv4 address/],
  ])("IPv4 %s is refused", (text, error) => {
    expect(() => parseMapInput(ipv4, text, "key")).toThrow(error);
  });

  it.each([
    ["2001:db8::/32", "20000000" + "20010db8" + zeros(12)],
    ["::/0", zeros(20)],
    ["::1/128", "80000000" + zeros(15) + "01"],
    ["fe80::1:2/64", "40000000" + "fe80" + zeros(10) + "00010002"],
    ["::ffff:10.0.0.1/96", "60000000" + zeros(10) + "ffff" + "0a000001"],
    ["1:2:3:4:5:6:7:8/128", "80000000" + "00010002000300040005000600070008"],
    ['{"prefixLen": 32, "addr": "2001:db8::"}', "20000000" + "20010db8" + zeros(12)],
  ])("IPv6 %s", (text, hex) => {
    expect(bytes(ipv6, text)).toBe(hex);
  });

  it.each([
    ["2001:db8::/129", /the prefix length 129 is more than 128/],
    ["1::2::3/8", /1::2::3 is not an IPv6 address/],
    ["1:2:3:4:5:6:7/16", /is not an IPv6 address/],
    ["12345::/16", /is not an IPv6 address/],
  ])("IPv6 %s is refused, with an example", (text, error) => {
    expect(() => parseMapInput(ipv6, text, "key")).toThrow(error);
    expect(() => parseMapInput(ipv6, text, "key")).toThrow(/e\.g\. 2001:db8::\/32$/);
  });
});

describe("formatMapValue", () => {
  it("integers in decimal, structs as { field: v }, arrays on one line", () => {
    const v = parseMapInput(outer, '{"id": 1, "inner": {"lo": 2, "hi": 3}, "tags": [1, 2, 3, 4], "big": "18446744073709551615"}', "value");
    expect(formatMapValue(outer, v)).toBe("{ id: 1, inner: { lo: 2, hi: 3 }, tags: [1, 2, 3, 4], big: 18446744073709551615 }");
    expect(formatMapValue(int("i32"), -5n)).toBe("-5");
  });

  it.each(["10.0.0.0/8", "0.0.0.0/0", "255.255.255.255/32", "10.1.2.3/16"])("IPv4 prefix %s round-trips", (cidr) => {
    expect(formatMapValue(ipv4, parseMapInput(ipv4, cidr, "key"))).toBe(cidr);
  });

  it.each([
    ["2001:db8::/32", "2001:db8::/32"], ["::/0", "::/0"], ["::1/128", "::1/128"], ["2001:DB8:0:1:0:0:0:1/64", "2001:db8:0:1::1/64"],
    ["1:0:0:2:0:0:0:3/128", "1:0:0:2::3/128"], ["1:0:0:2:0:0:3:4/128", "1::2:0:0:3:4/128"], ["1:0:1:0:1:0:1:0/128", "1:0:1:0:1:0:1:0/128"], ["fe80::/10", "fe80::/10"],
  ])("IPv6 prefix %s prints as %s (RFC 5952)", (text, printed) => {
    expect(formatMapValue(ipv6, parseMapInput(ipv6, text, "key"))).toBe(printed);
  });
});

const manifestMap = (o: Partial<ManifestMap>): ManifestMap => ({ name: "m", kind: "HashMap", type: "BPF_MAP_TYPE_HASH", typeId: 1, maxEntries: 8, flags: 0, perCpu: false, key: int("u32"), value: int("u64"), line: 1, ...o });

describe("formatDump", () => {
  const lpm = manifestMap({ name: "blocked", kind: "LpmTrie", type: "BPF_MAP_TYPE_LPM_TRIE", key: ipv4, value: outer });
  const entries = [{ key: { prefixLen: 16n, addr: 0x0a010000n }, value: { id: 7n, inner: { lo: 1n, hi: 2n }, tags: [0n, 0n, 0n, 9n], big: 2n ** 63n } }];

  it("text: key → value per line", () => {
    expect(formatDump(lpm, entries, false)).toBe("10.1.0.0/16 → { id: 7, inner: { lo: 1, hi: 2 }, tags: [0, 0, 0, 9], big: 9223372036854775808 }");
    expect(formatDump(lpm, [], false)).toBe("(blocked has no entries)");
  });

  it("JSON: prefixes as CIDR, 32-bit integers as numbers, 64-bit ones always as strings; it parses back", () => {
    const json = JSON.parse(formatDump(lpm, entries, true));
    expect(json).toEqual([{ key: "10.1.0.0/16", value: { id: 7, inner: { lo: 1, hi: 2 }, tags: [0, 0, 0, 9], big: "9223372036854775808" } }]);
    expect(parseMapInput(outer, JSON.stringify(json[0].value), "value")).toEqual(entries[0]!.value);
    expect(JSON.parse(formatDump(manifestMap({}), [{ key: 1n, value: 5n }], true))).toEqual([{ key: 1, value: "5" }]);
  });

  it("per-CPU maps: the sum and each CPU's value", () => {
    const map = manifestMap({ kind: "PerCpuHashMap", type: "BPF_MAP_TYPE_PERCPU_HASH", perCpu: true, key: int("u16") });
    const e = [{ key: 443n, value: 6n, perCpu: [2n, 4n] }];
    expect(formatDump(map, e, false)).toBe("443 → 6 (sum; per CPU: 2, 4)");
    expect(JSON.parse(formatDump(map, e, true))).toEqual([{ key: 443, value: "6", perCpu: ["2", "4"] }]);
  });
});

describe("dumpMap, updateMap and deleteMap with a fake bpftool", () => {
  const calls: string[][] = [];
  const fake = (stdout = "", failed = false, stderr = ""): Exec => async (cmd, args) => {
    calls.push([cmd, ...args]);
    return { stdout, stderr, failed };
  };
  const hexList = (b: Buffer) => [...b].map((x) => `0x${x.toString(16).padStart(2, "0")}`);

  it("update encodes key and value as bpftool hex bytes", async () => {
    calls.length = 0;
    await updateMap(manifestMap({ key: ipv4, value: int("u32") }), "/pin/m", "10.1.0.0/16", "7", fake());
    expect(calls).toEqual([["bpftool", "map", "update", "pinned", "/pin/m", "key", "hex", "10", "00", "00", "00", "0a", "01", "00", "00", "value", "hex", "07", "00", "00", "00"]]);
  });

  it("dump decodes keys and values, sums per-CPU values and skips empty DevMap slots", async () => {
    const perCpu = manifestMap({ kind: "PerCpuArray", type: "BPF_MAP_TYPE_PERCPU_ARRAY", perCpu: true, value: int("u32") });
    const raw = [{ key: hexList(encode(int("u32"), 3n)), values: [{ cpu: 0, value: ["0x02", "0x00", "0x00", "0x00"] }, { cpu: 1, value: ["0x03", "0x00", "0x00", "0x00"] }] }];
    expect(await dumpMap(perCpu, "/pin/p", fake(JSON.stringify(raw)))).toEqual([{ key: 3n, value: 5n, perCpu: [2n, 3n] }]);
    const devmap = manifestMap({ kind: "DevMap", type: "BPF_MAP_TYPE_DEVMAP", value: int("u32") });
    const slots = [{ key: ["0x00", "0x00", "0x00", "0x00"], value: ["0x01", "0x00", "0x00", "0x00"] }, { key: ["0x01", "0x00", "0x00", "0x00"], value: { error: "No such file or directory" } }];
    expect(await dumpMap(devmap, "/pin/d", fake(JSON.stringify(slots)))).toEqual([{ key: 0n, value: 1n }]);
  });

  it("refuses what the map cannot do, naming the map", async () => {
    const ring = manifestMap({ name: "events", kind: "RingBuf", type: "BPF_MAP_TYPE_RINGBUF", key: null, value: outer });
    await expect(dumpMap(ring, "/pin/events", fake("[]"))).rejects.toThrow('map "events" is a ring buffer: it has no entries to be dumped; read its records with tsbpf load --follow');
    const array = manifestMap({ name: "counters", kind: "ArrayMap", type: "BPF_MAP_TYPE_ARRAY" });
    await expect(deleteMap(array, "/pin/c", "1", fake())).rejects.toThrow('map "counters" is an ArrayMap: its 8 entries always exist and cannot be deleted');
    await expect(updateMap(array, "/pin/c", "8", "1", fake())).rejects.toThrow('map "counters": index 8 is out of range: the ArrayMap has 8 entries (0..7)');
    await expect(updateMap(array, "/pin/c", "x", "1", fake())).rejects.toThrow('map "counters": invalid key "x": key must be an integer');
    const xsk = manifestMap({ name: "sockets", kind: "XskMap", type: "BPF_MAP_TYPE_XSKMAP", value: int("u32") });
    await expect(dumpMap(xsk, "/pin/x", fake(JSON.stringify([{ key: ["0x00", "0x00", "0x00", "0x00"], value: { error: "Operation not supported" } }])))).rejects.toThrow(/an XskMap's sockets cannot be read from user space/);
  });

  it("a ProgArray slot takes a program id or pin path", async () => {
    calls.length = 0;
    const jumps = manifestMap({ name: "jumps", kind: "ProgArray", type: "BPF_MAP_TYPE_PROG_ARRAY", value: int("u32") });
    await updateMap(jumps, "/pin/j", "2", "/sys/fs/bpf/x/progs/target", fake());
    await updateMap(jumps, "/pin/j", "2", "42", fake());
    expect(calls.map((c) => c.slice(-2))).toEqual([["pinned", "/sys/fs/bpf/x/progs/target"], ["id", "42"]]);
    await expect(updateMap(jumps, "/pin/j", "2", "target", fake())).rejects.toThrow(/a ProgArray holds programs; expected a program id/);
  });

  it("bpftool's complaints come back with the map's name", async () => {
    await expect(deleteMap(manifestMap({ name: "flows" }), "/pin/f", "5", fake("", true, "Error: delete failed: No such file or directory"))).rejects.toThrow('map "flows": there is no key 5');
    await expect(dumpMap(manifestMap({ name: "flows" }), "/nope", fake('{"error":"bpf obj get (/nope): No such file or directory"}', true))).rejects.toThrow('map "flows": bpftool could not dump /nope: bpf obj get (/nope): No such file or directory');
  });
});
