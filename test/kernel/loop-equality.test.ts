// Equalities kept as values in a loop are computed without a jump (tsbpf_same32): the kernel gives the results the language defines.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildProbe, type BuiltProbe } from "../support/build-probe.js";
import { describeKernel, loadObject, XdpVerdict, type LoadedObject } from "../support/kernel.js";
import { readMap, writeMap } from "../support/maps.js";
import { eth } from "../support/packets.js";

/** Operand pairs [a (u32), b (i8)], written to the inputs map; the probe stores a == b, a != b and i8(a) == b for each. */
const PAIRS: [bigint, bigint][] = [[0n, 0n], [1n, 0n], [0xffffffffn, -1n], [0xffn, -1n], [0x80n, -128n], [7n, 7n], [0x100000007n & 0xffffffffn, 7n], [0xfffffff9n, -7n]];

const SOURCE = `const inputs = new ArrayMap<u64>(${PAIRS.length * 2});
const results = new ArrayMap<u64>(${PAIRS.length * 3});
export class P {
  @xdp
  static prog(ctx: XdpContext): XdpAction {
    for (const i of range(0, ${PAIRS.length})) {
      const ra = inputs.get(i * 2);
      const rb = inputs.get(i * 2 + 1);
      const a: u32 = ra ? u32(ra.value) : 0;
      const b: i8 = rb ? i8(rb.value) : 0;
      const same: bool = i32(a) == i32(b);
      const differ: bool = i32(a) != i32(b);
      const narrowSame: bool = i8(a) == b;
      results.set(i * 3, u64(same));
      results.set(i * 3 + 1, u64(differ));
      results.set(i * 3 + 2, u64(narrowSame));
    }
    return XdpAction.Pass;
  }
}
`;

/** What the language defines: i32(a) reinterprets the u32's bits, i32(b) sign-extends, i8(a) keeps the low byte. */
function expected(a: bigint, b: bigint): bigint[] {
  const sa = BigInt.asIntN(32, a);
  const same = sa === b;
  return [same ? 1n : 0n, same ? 0n : 1n, BigInt.asIntN(8, a) === b ? 1n : 0n];
}

describeKernel("equalities kept as values in a loop", () => {
  const work = mkdtempSync(join(tmpdir(), "tsbpf-loop-equality-"));
  let built: BuiltProbe | undefined;
  let obj: LoadedObject | undefined;
  beforeAll(async () => {
    const file = join(work, "probe.ts");
    writeFileSync(file, SOURCE);
    built = await buildProbe(file);
    obj = await loadObject(built.objectFile, { type: "xdp" });
  });
  afterAll(async () => {
    await obj?.close();
    built?.remove();
    rmSync(work, { recursive: true, force: true });
  });

  it("are computed without a jump", () => {
    const c = readFileSync(built!.cFile, "utf8");
    expect(c.match(/tsbpf_same32\(/g)?.length).toBeGreaterThanOrEqual(4); // three uses and the definition
  });

  it("give the results the language defines", async () => {
    for (const [i, [a, b]] of PAIRS.entries()) {
      await writeMap(obj!, built!.manifest, "inputs", BigInt(i * 2), a);
      await writeMap(obj!, built!.manifest, "inputs", BigInt(i * 2 + 1), BigInt.asUintN(64, b));
    }
    expect((await obj!.run("prog", eth().build())).retval).toBe(XdpVerdict.Pass);
    const got = new Map((await readMap(obj!, built!.manifest, "results")).map((e) => [Number(e.key), e.value as bigint]));
    expect(PAIRS.map((_, i) => [0, 1, 2].map((k) => got.get(i * 3 + k)))).toEqual(PAIRS.map(([a, b]) => expected(a, b)));
  });
});
