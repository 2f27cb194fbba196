// The edges of "check accepts it, so clang and the kernel do": probes that once passed `tsbpf check` and then failed, built without a clang warning and verified.
import { join } from "node:path";
import { expect, it } from "vitest";
import { verifyObject } from "../../compiler/loader/verify.js";
import { buildProbe, useProbe } from "../support/build-probe.js";
import { describeKernel, TcVerdict, XdpVerdict } from "../support/kernel.js";
import { readMap } from "../support/maps.js";
import { eth } from "../support/packets.js";
import { CliSandbox } from "../support/cli-sandbox.js";
import { afterAll, beforeAll } from "vitest";

const probe = (name: string) => join(import.meta.dirname, "edges", name);

/** Builds a probe (clang must not warn) and runs the verifier over every program. */
async function buildsAndVerifies(name: string, options: Parameters<typeof buildProbe>[1] = {}) {
  const built = await buildProbe(probe(name), options);
  try {
    expect(built.clangWarnings).toBe("");
    const report = await verifyObject(built.objectFile, built.manifest);
    expect(report.failure).toBeUndefined();
    for (const p of report.programs) expect(p, p.log).toMatchObject({ loaded: true });
    return built.manifest;
  } finally {
    built.remove();
  }
}

describeKernel("names that are C keywords, library functions or runtime names", () => {
  const names = useProbe(probe("c-names.ts"));

  it("build, verify, and keep their names in the manifest and the kernel", async () => {
    const manifest = await buildsAndVerifies("c-names.ts");
    expect(manifest.maps.map((m) => m.name)).toEqual(["memcpy", "int", "key"]);
    expect(manifest.config.map((c) => c.name)).toEqual(["strlen"]);
  });

  it("run: the maps named memcpy and int are the ones the program writes", async () => {
    expect((await names.obj.run("names", eth().build())).retval).toBe(XdpVerdict.Pass);
    // long = free(3) + abs(1) = 7; char = 7 + 7 + 1 + 2, plus 1 = 18
    const ints = await readMap(names.obj, names.built.manifest, "int");
    expect(ints.map((e) => [e.key, e.value])).toEqual([[18n, 1n]]);
    const slots = await readMap(names.obj, names.built.manifest, "memcpy");
    expect(slots.map((e) => e.value)).toEqual([0n, 0n, 1n, 0n]);
  });
});

describeKernel("redirect() in a tc program", () => {
  const steer = useProbe(probe("tc-redirect.ts"), "tc");

  it("builds and verifies", async () => {
    await buildsAndVerifies("tc-redirect.ts");
  });

  it("returns TcAction.Redirect, as a result, through a function and after a statement", async () => {
    expect((await steer.obj.run("steer", eth().build())).retval).toBe(TcVerdict.Redirect);
  });

  it("`redirect(3);` as a statement (issue 11's fourth reproducer) builds, verifies and runs", async () => {
    expect(steer.built.cSource).toContain("tsbpf_redirect(3U, 0ULL);");
    expect((await steer.obj.run("reproducer", eth().build())).retval).toBe(TcVerdict.Ok);
  });
});

describeKernel("the license and GPL-only helpers", () => {
  it("every helper but trace() loads under a license that is not GPL-compatible", async () => {
    await buildsAndVerifies("license-free-helpers.ts", { license: "Proprietary" });
  });
});

describeKernel("the user's own redundancy, and code clang once warned about", () => {
  it.each(["redundancy.ts", "clang-quiet.ts"])("test/warnings/%s builds without clang warnings and verifies", async (name) => {
    const built = await buildProbe(join(import.meta.dirname, "..", "warnings", name));
    try {
      expect(built.clangWarnings).toBe("");
      expect((await verifyObject(built.objectFile, built.manifest)).ok).toBe(true);
    } finally {
      built.remove();
    }
  });
});

describeKernel("proven indexes", () => {
  const indexes = useProbe(probe("indexes.ts"));

  it("x % N, x & M, x & 0 and a u8 into 256 elements verify, and read the element they name", async () => {
    await buildsAndVerifies("indexes.ts");
    const src = [0x02, 0x11, 0x22, 0x33, 0x44, 0x55];
    // etherType 0x0809: % 6 = 5, & 3 = 1, & 0 = 0; table[0x09] was set to 7
    expect((await indexes.obj.run("indexes", eth({ src: src.map((b) => b.toString(16).padStart(2, "0")).join(":"), etherType: 0x0809 }).build())).retval).toBe(XdpVerdict.Pass);
    const values = (await readMap(indexes.obj, indexes.built.manifest, "out")).map((e) => e.value);
    expect(values).toEqual([0x55n, 0x11n, 0x02n, 7n]);
  });
});

describeKernel("stack near the limit", () => {
  it("a 480-byte array, two 300-byte arrays in sibling branches, a chain of two 200-byte frames and three inlined 200-byte frames build and verify", async () => {
    await buildsAndVerifies("stack-at-limit.ts");
  });
});

describeKernel("struct copies of any size", () => {
  const copies = useProbe(probe("struct-copies.ts"));

  it("build without a memcpy call clang cannot lower, and verify", async () => {
    await buildsAndVerifies("struct-copies.ts");
    expect(copies.built.cSource).toContain("tsbpf_copy_Inner(&dst->inner, &src->inner)");
  });

  it("copy every byte: 2400 bytes between map values, nested structs and arrays of structs through the stack", async () => {
    expect((await copies.obj.run("copies", eth().build())).retval).toBe(XdpVerdict.Pass);
    const values = (await readMap(copies.obj, copies.built.manifest, "out")).map((e) => e.value);
    expect(values.slice(0, 2)).toEqual([0x1122334455667788n, 6n + 5n + 31n]);
  });
});

describeKernel("names at the kernel's limits", () => {
  const longProgram = "p" + "r".repeat(254);
  const longMap = "m" + "a".repeat(254);
  const box = new CliSandbox();
  beforeAll(() => box.start());
  afterAll(() => box.close());

  it("255-character program and map names, 600-character function, struct and local names build and verify", async () => {
    const manifest = await buildsAndVerifies("long-names.ts");
    expect(manifest.programs.map((p) => p.name)).toContain(longProgram);
    expect(manifest.maps.map((m) => m.name)).toEqual([longMap]);
  });

  it("tsbpf load pins them, the map is found by its full name, two programs the kernel names alike load apart", async () => {
    const load = await box.tsbpf(["load", probe("long-names.ts"), "--iface", box.iface, "--prog", longProgram]);
    expect(load.stderr).toBe("");
    expect(load.status).toBe(0);
    const dump = await box.tsbpf(["maps", "dump", longMap, "--json"]);
    expect(dump.status).toBe(0);
    expect(await box.tsbpf(["unload", "--iface", box.iface])).toMatchObject({ status: 0 });
    const second = await box.tsbpf(["load", probe("long-names.ts"), "--iface", box.iface, "--prog", "handlePacketsOnIngressB"]);
    expect(second.stderr).toBe("");
    expect(second.stdout).toMatch(/^handlePacketsOnIngressB \(id \d+\) attached/);
    expect(await box.tsbpf(["unload", "--iface", box.iface])).toMatchObject({ status: 0 });
  });
});

describeKernel("functions ending in a switch over every member of an enum", () => {
  const exhaustive = useProbe(probe("exhaustive-switch.ts"));

  it("build without clang's -Wreturn-type, verify, and return the member's value", async () => {
    await buildsAndVerifies("exhaustive-switch.ts");
    expect((await exhaustive.obj.run("exhaustive", eth().build())).retval).toBe(XdpVerdict.Pass);
    expect((await readMap(exhaustive.obj, exhaustive.built.manifest, "out"))[0]!.value).toBe(212n);
  });
});
