// The ELF reader and .rodata config patching, checked against clang-built objects and llvm-readelf/llvm-objdump.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { patchConfig, type ConfigVariable } from "../../compiler/object/config-patch.js";
import { findSymbol, readElf, symbolFileOffset } from "../../compiler/object/elf.js";

const SOURCE = `
typedef unsigned short __u16; typedef unsigned int __u32; typedef long long __s64;
struct cfg { __u16 port; __u32 limit; __s64 delta; };
static volatile const struct cfg settings = { .port = 22, .limit = 100, .delta = -5 };
__attribute__((section("xdp"), used)) int prog(void *ctx) { return settings.port + settings.limit + (int)settings.delta; }
char _license[] __attribute__((section("license"), used)) = "GPL";
`;

// The layout of struct cfg on BPF (natural alignment): port at 0, limit at 4, delta at 8; 16 bytes.
const SETTINGS: ConfigVariable = {
  symbol: "settings",
  section: ".rodata",
  fields: [
    { name: "port", offset: 0, size: 2, signed: false },
    { name: "limit", offset: 4, size: 4, signed: false },
    { name: "delta", offset: 8, size: 8, signed: true },
  ],
};

let dir: string;
let objectPath: string;
let object: Uint8Array;

function compile(name: string, args: string[]): string {
  const source = join(dir, `${name}.c`);
  const output = join(dir, `${name}.o`);
  writeFileSync(source, SOURCE);
  execFileSync("clang", [...args, "-c", source, "-o", output], { stdio: "pipe" });
  return output;
}

function run(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** Section rows of `llvm-readelf -S --wide`: name, file offset and size. */
function readelfSections(path: string): { index: number; name: string; offset: number; size: number }[] {
  const row = /^\s*\[\s*(\d+)\]\s(.*?)\s+([A-Z][A-Z0-9_]*)\s+([0-9a-f]{16})\s+([0-9a-f]+)\s+([0-9a-f]+)\s/;
  return run("llvm-readelf", ["-S", "--wide", path])
    .split("\n")
    .flatMap((line) => {
      const m = row.exec(line);
      return m ? [{ index: Number(m[1]), name: m[2]!.trim(), offset: parseInt(m[5]!, 16), size: parseInt(m[6]!, 16) }] : [];
    });
}

/** The bytes of a section as `llvm-objdump -s -j <section>` dumps them. */
function objdumpSection(path: string, section: string): Buffer {
  const hex: string[] = [];
  let inSection = false;
  for (const line of run("llvm-objdump", ["-s", "-j", section, path]).split("\n")) {
    if (line.startsWith("Contents of section ")) inSection = line === `Contents of section ${section}:`;
    const m = /^ ([0-9a-f]+) /.exec(line);
    // Each row: " <address>" then four groups of " xxxxxxxx" (36 characters), then the ASCII column.
    if (inSection && m) hex.push(line.slice(m[0].length - 1, m[0].length - 1 + 36).replace(/\s+/g, ""));
  }
  return Buffer.from(hex.join(""), "hex");
}

/** port, limit and delta decoded from the 16 bytes of a struct cfg. */
function decodeSettings(bytes: Buffer, at = 0): { port: number; limit: number; delta: bigint } {
  return { port: bytes.readUInt16LE(at), limit: bytes.readUInt32LE(at + 4), delta: bytes.readBigInt64LE(at + 8) };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tsbpf-elf-"));
  objectPath = compile("settings", ["-O2", "-g", "-target", "bpf"]);
  object = new Uint8Array(readFileSync(objectPath));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("readElf", () => {
  it("reads the same section names, offsets and sizes as llvm-readelf", () => {
    const expected = readelfSections(objectPath);
    expect(expected.map((s) => s.name)).toEqual(expect.arrayContaining([".rodata", "xdp", "license", ".symtab"]));
    const elf = readElf(object);
    expect(elf.sections.map(({ index, name, offset, size }) => ({ index, name, offset, size }))).toEqual(expected);
  });

  it("finds settings in .rodata with size 16, and its bytes hold the initial values from the C source", () => {
    const elf = readElf(object);
    const settings = findSymbol(elf, "settings", ".rodata");
    expect(settings).toMatchObject({ name: "settings", size: 16, sectionName: ".rodata", type: 1 /* STT_OBJECT */ });
    const offset = symbolFileOffset(elf, settings!);
    expect(decodeSettings(Buffer.from(object), offset)).toEqual({ port: 22, limit: 100, delta: -5n });
  });

  it("agrees with llvm-readelf on where the symbols are", () => {
    const elf = readElf(object);
    const sectionIndex = new Map(readelfSections(objectPath).map((s) => [s.name, s.index]));
    const table = run("llvm-readelf", ["-s", "--wide", objectPath]);
    for (const [name, section] of [["settings", ".rodata"], ["prog", "xdp"], ["_license", "license"]] as const) {
      const m = new RegExp(`^\\s*\\d+: ([0-9a-f]+)\\s+(\\d+)\\s+\\S+\\s+\\S+\\s+\\S+\\s+(\\d+) ${name}$`, "m").exec(table);
      expect(m, `llvm-readelf row for ${name}`).not.toBeNull();
      expect(findSymbol(elf, name)).toMatchObject({
        value: parseInt(m![1]!, 16),
        size: Number(m![2]),
        sectionIndex: Number(m![3]),
        sectionName: section,
      });
      expect(Number(m![3])).toBe(sectionIndex.get(section));
    }
    expect(findSymbol(elf, "settings", "xdp")).toBeUndefined();
    expect(findSymbol(elf, "no_such_symbol")).toBeUndefined();
  });

  it("rejects garbage, a truncated file, a 32-bit header, a big-endian BPF object and an x86 object", () => {
    expect(() => readElf(new TextEncoder().encode("this is not an ELF file at all"))).toThrow(/^not a BPF ELF object: /);
    expect(() => readElf(new Uint8Array(0))).toThrow(/^not a BPF ELF object: /);
    expect(() => readElf(object.slice(0, 40))).toThrow(/^not a BPF ELF object: .*too short/);
    expect(() => readElf(object.slice(0, 200))).toThrow(/^not a BPF ELF object: .*past the end/);
    const class32 = object.slice();
    class32[4] = 1;
    expect(() => readElf(class32)).toThrow(/^not a BPF ELF object: .*ELFCLASS64/);
    const bigEndian = new Uint8Array(readFileSync(compile("settings-eb", ["-O2", "-target", "bpfeb"])));
    expect(() => readElf(bigEndian)).toThrow(/^not a BPF ELF object: .*little-endian/);
    const host = new Uint8Array(readFileSync(compile("host", ["-O2"])));
    expect(() => readElf(host)).toThrow(/^not a BPF ELF object: e_machine is \d+, expected 247/);
  });
});

describe("patchConfig", () => {
  it("overwrites the named fields in a copy; llvm-objdump sees the new values and llvm-readelf still reads it", () => {
    const before = Buffer.from(object);
    const patched = patchConfig(object, SETTINGS, { port: 2222n, delta: -7n });
    expect(Buffer.from(object).equals(before)).toBe(true);
    expect(patched).not.toBe(object);
    expect(patched.length).toBe(object.length);

    const patchedPath = join(dir, "patched.o");
    writeFileSync(patchedPath, patched);
    expect(decodeSettings(objdumpSection(objectPath, ".rodata"))).toEqual({ port: 22, limit: 100, delta: -5n });
    expect(decodeSettings(objdumpSection(patchedPath, ".rodata"))).toEqual({ port: 2222, limit: 100, delta: -7n });

    const check = spawnSync("llvm-readelf", ["-S", "-s", "--wide", patchedPath], { encoding: "utf8" });
    expect(check.status).toBe(0);
    expect(check.stderr).toBe("");
    // Nothing outside the bytes of port (offset 0, 2 bytes) and delta (offset 8, 8 bytes) changed.
    const elf = readElf(object);
    const start = symbolFileOffset(elf, findSymbol(elf, "settings")!);
    const changed = [...patched.keys()].filter((i) => patched[i] !== object[i]).map((i) => i - start);
    expect(changed).toEqual([0, 1, 8]); // 22 → 2222 changes both bytes of port; -5 → -7 only delta's low byte.
  });

  it("accepts the extremes of each field's range", () => {
    const patched = patchConfig(object, SETTINGS, { port: 65535n, limit: 0n, delta: -1n });
    const offset = symbolFileOffset(readElf(patched), findSymbol(readElf(patched), "settings")!);
    expect(decodeSettings(Buffer.from(patched), offset)).toEqual({ port: 65535, limit: 0, delta: -1n });
    const wide = patchConfig(object, SETTINGS, { delta: -(2n ** 63n), limit: 2n ** 32n - 1n });
    expect(decodeSettings(Buffer.from(wide), offset)).toEqual({ port: 22, limit: 4294967295, delta: -(2n ** 63n) });
  });

  it("names the known fields when a field is unknown", () => {
    expect(() => patchConfig(object, SETTINGS, { prot: 1n })).toThrow(
      "unknown config field 'prot' for 'settings'; known fields: port, limit, delta",
    );
  });

  it("states the range when a value does not fit the field", () => {
    expect(() => patchConfig(object, SETTINGS, { port: 70000n })).toThrow(/out of range .*'port'.*unsigned 16-bit: 0 to 65535/);
    expect(() => patchConfig(object, SETTINGS, { port: -1n })).toThrow(/out of range .*0 to 65535/);
    expect(() => patchConfig(object, SETTINGS, { delta: 2n ** 63n })).toThrow(
      /signed 64-bit: -9223372036854775808 to 9223372036854775807/,
    );
  });

  it("rejects a missing symbol, a symbol in another section, and a field outside the symbol", () => {
    expect(() => patchConfig(object, { ...SETTINGS, symbol: "missing" }, {})).toThrow(/'missing' is not in the object's symbol table/);
    const license: ConfigVariable = { symbol: "_license", section: ".rodata", fields: [] };
    expect(() => patchConfig(object, license, {})).toThrow("config symbol '_license' is in section 'license', not in '.rodata'");
    const tooFar: ConfigVariable = { ...SETTINGS, fields: [{ name: "tail", offset: 14, size: 4, signed: false }] };
    expect(() => patchConfig(object, tooFar, { tail: 1n })).toThrow(/'tail' \(bytes 14 to 18\) lies outside 'settings', which is 16 bytes/);
  });
});
