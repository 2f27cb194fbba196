// Reading what libbpf and bpftool say about an object that did not load: a map too large, a program refused, anything else.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { failureFromToolOutput, loadFailureDiagnostic, type ObjectSource } from "../../compiler/loader/load-failure.js";
import type { ManifestMap } from "../../compiler/manifest/manifest.js";

const work = mkdtempSync(join(tmpdir(), "tsbpf-load-failure-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const probe = join(work, "bigmap.ts");
const probeLines = ["// a map too large", "const small = new ArrayMap<u64>(4);", "const big = new HashMap<u32, u64>(1 << 28);", "", "export class BigMap {", "  @xdp", "  static count(ctx: XdpContext): XdpAction {", "    return XdpAction.Pass;", "  }", "}"];
writeFileSync(probe, probeLines.join("\n") + "\n");

const map = (name: string, line: number, o: Partial<ManifestMap> = {}): ManifestMap =>
  ({ name, kind: "HashMap", type: "BPF_MAP_TYPE_HASH", typeId: 1, maxEntries: 1 << 28, flags: 0, perCpu: false, key: null, value: { kind: "int", type: "u64", size: 8, align: 8 }, line, ...o });
const source: ObjectSource = {
  probe,
  manifest: { programs: [{ name: "count", symbol: "count", line: 7 } as ObjectSource["manifest"]["programs"][number]], maps: [map("small", 2, { kind: "ArrayMap", maxEntries: 4 }), map("big", 3)] },
};

/** What bpftool prints (libbpf 1.1) when the kernel cannot create a map, with the error it got. */
const mapFailure = (errno: number, text: string) =>
  `libbpf: Error in bpf_create_map_xattr(big):${text}(-${errno}). Retrying without BTF.\nlibbpf: map 'big': failed to create: ${text}(-${errno})\nlibbpf: failed to load object 'bigmap.bpf.o'\nError: failed to load object file\n`;

describe("a map the kernel cannot create", () => {
  it.each([
    [7, "Argument list too long", "E2BIG"],
    [12, "Cannot allocate memory", "ENOMEM"],
  ])("errno %i: too large, one sentence with the map's name and size, at its declaration", (errno, text, name) => {
    const d = loadFailureDiagnostic(failureFromToolOutput(mapFailure(errno, text)), source);
    expect(d.code).toBe("TSBPF4011");
    expect(d.message).toBe(`map 'big' (a HashMap of 268,435,456 entries) is too large for the kernel to allocate (${name}: ${text}); declare it with fewer entries.`);
    expect(d.location).toMatchObject({ line: 3, column: 1, lineText: probeLines[2] });
  });

  it("without the probe it is the same sentence, unlocated", () => {
    const d = loadFailureDiagnostic(failureFromToolOutput(mapFailure(7, "Argument list too long")), { manifest: source.manifest });
    expect(d.code).toBe("TSBPF4011");
    expect(d.location).toBeUndefined();
  });

  it("refused for another reason, it is the refusal with the map's name", () => {
    const d = loadFailureDiagnostic(failureFromToolOutput(mapFailure(1, "Operation not permitted")), source);
    expect(d.code).toBe("TSBPF4010");
    expect(d.message).toBe("the kernel refused the object: could not create map 'big': Operation not permitted.");
  });
});

describe("a program the kernel refused", () => {
  const output = `libbpf: prog 'count': BPF program load failed: Permission denied
libbpf: prog 'count': -- BEGIN PROG LOAD LOG --
; return XdpAction.Pass; @ bigmap.ts:8
3: (95) exit
R0 !read_ok
processed 4 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0
-- END PROG LOAD LOG --
libbpf: prog 'count': failed to load: -13
libbpf: failed to load object 'bigmap.bpf.o'
Error: failed to load object file
`;

  it("bpftool's output gives the program, the errno and the log", () => {
    expect(failureFromToolOutput(output)).toMatchObject({ program: "count", errno: 13 });
  });

  it("is TSBPF4001 at the line the log quotes", () => {
    const d = loadFailureDiagnostic(failureFromToolOutput(output), source);
    expect(d.code).toBe("TSBPF4001");
    expect(d.message).toBe("the kernel verifier rejected program 'count': R0 !read_ok");
    expect(d.location).toMatchObject({ line: 8, column: 5, lineText: probeLines[7] });
  });
});

it("anything else is the refusal in libbpf's words, not bpftool's last line", () => {
  const d = loadFailureDiagnostic(failureFromToolOutput("libbpf: elf: legacy map definitions in 'maps' section are not supported by libbpf v1.0+\nlibbpf: failed to load object 'x.bpf.o'\nError: failed to load object file\n"), source);
  expect(d.code).toBe("TSBPF4010");
  expect(d.message).toBe("the kernel refused the object: elf: legacy map definitions in 'maps' section are not supported by libbpf v1.0+.");
});
