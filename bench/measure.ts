// Builds both sides of a benchmark, checks they behave the same, and measures size, verifier work and time, A and B interleaved.
import { execa } from "execa";
import { join } from "node:path";
import { build } from "../compiler/build.js";
import { loadObject, type LoadedObject, type RawMapEntry } from "../compiler/loader/sandbox.js";
import { verifyObject } from "../compiler/loader/verify.js";
import type { BenchCase } from "./case.js";

/** How the hand-written C is compiled: the same clang and level as tsbpf's output, as a libbpf project would. */
export const C_FLAGS = ["-O2", "-g", "-target", "bpf", "-mcpu=v3", "-Wall", "-I/usr/include/x86_64-linux-gnu"];

export interface Side {
  obj: LoadedObject;
  program: string;
  objectFile: string;
  type: BenchCase["type"];
}

export interface Figures {
  /** Translated instructions after load (bytes_xlated / 8). */
  insns: number;
  jitedBytes: number;
  /** Instructions the verifier processed. */
  verified: number;
  /** Median over rounds of the mean over packets of BPF_PROG_TEST_RUN's time per run. */
  nsPerPacket: number;
}

/** Builds the probe with tsbpf and the C with clang, into dir; loads both. */
export async function loadSides(dir: string, programDir: string, c: BenchCase): Promise<{ tsbpf: Side; c: Side }> {
  const built = await build(join(programDir, "probe.ts"), { outDir: join(dir, "tsbpf"), verify: false });
  const cObject = join(dir, "c.bpf.o");
  const r = await execa("clang", [...C_FLAGS, "-c", join(programDir, "probe.bpf.c"), "-o", cObject], { reject: false, all: true });
  if (r.exitCode !== 0 || r.all) throw new Error(`clang on ${c.name}/probe.bpf.c:\n${r.all}`);
  const a = await loadObject(built.objectFile, { type: c.type });
  let b: LoadedObject;
  try {
    b = await loadObject(cObject, { type: c.type });
  } catch (e) {
    await a.close();
    throw e;
  }
  const sides = { tsbpf: { obj: a, program: c.program.tsbpf, objectFile: built.objectFile, type: c.type }, c: { obj: b, program: c.program.c, objectFile: cObject, type: c.type } };
  for (const [side, s] of Object.entries(sides)) {
    if (!s.obj.programs.includes(s.program)) throw new Error(`${c.name}: no program ${s.program} in the ${side} object (it has ${s.obj.programs.join(", ")})`);
  }
  for (const m of c.maps ?? []) {
    for (const e of m.setup ?? []) {
      await sides.tsbpf.obj.mapUpdate(m.tsbpf, e.key, e.value);
      await sides.c.obj.mapUpdate(m.c, e.key, e.value);
    }
  }
  return sides;
}

/** Runs every packet once on each side and compares verdicts, output packets and then the maps: the differences, as text. */
export async function compareBehaviour(c: BenchCase, a: Side, b: Side): Promise<string[]> {
  const out: string[] = [];
  for (const p of c.packets) {
    const [ra, rb] = [await a.obj.run(a.program, p.data), await b.obj.run(b.program, p.data)];
    if (ra.retval !== rb.retval) out.push(`${p.name}: verdict ${ra.retval} (tsbpf) against ${rb.retval} (C)`);
    else if (!ra.dataOut.equals(rb.dataOut)) out.push(`${p.name}: output packets differ\n  tsbpf ${ra.dataOut.toString("hex")}\n  C     ${rb.dataOut.toString("hex")}`);
  }
  for (const m of c.maps ?? []) {
    const [da, db] = [contents(await a.obj.mapDump(m.tsbpf)), contents(await b.obj.mapDump(m.c))];
    if (da !== db) out.push(`map ${m.tsbpf}: contents differ\n  tsbpf ${da}\n  C     ${db}`);
  }
  return out;
}

/** A map's entries as text, sorted by key; a per-CPU value as the sum over CPUs of its 64-bit words (runs may move CPU). */
function contents(entries: RawMapEntry[]): string {
  const value = (e: RawMapEntry) => {
    if (!e.perCpu) return e.value.toString("hex");
    const sum = Buffer.alloc(e.value.length);
    for (let i = 0; i + 8 <= sum.length; i += 8) sum.writeBigUInt64LE(e.perCpu.reduce((n, v) => (n + v.readBigUInt64LE(i)) & 0xffffffffffffffffn, 0n), i);
    return sum.toString("hex");
  };
  return entries.map((e) => `${e.key.toString("hex")}=${value(e)}`).sort().join(" ") || "(empty)";
}

/** Size, from the kernel's description of the loaded program, and the verifier's work, from loading it once more. */
export async function sizes(s: Side): Promise<Omit<Figures, "nsPerPacket">> {
  const info = await s.obj.info(s.program);
  const report = await verifyObject(s.objectFile, { programs: [{ symbol: s.program, kernelType: s.type }] as never });
  const verdict = report.programs.find((p) => p.program === s.program);
  if (!verdict?.loaded || verdict.verified === undefined) throw new Error(`the verifier refused ${s.program} of ${s.objectFile} on a second load`);
  return { insns: Number(info.bytes_xlated) / 8, jitedBytes: Number(info.bytes_jited ?? 0), verified: verdict.verified };
}

/**
 * Time per packet on both sides, interleaved: each round runs every packet `repeat` times on one side and then on the
 * other, the side that goes first alternating, so drift in the machine's speed falls on both alike.
 */
export async function timings(c: BenchCase, a: Side, b: Side, rounds: number, repeat: number): Promise<[number, number]> {
  const per: [number[], number[]] = [[], []];
  for (let r = 0; r < rounds; r++) {
    const order: [Side, number][] = r % 2 === 0 ? [[a, 0], [b, 1]] : [[b, 1], [a, 0]];
    const sums = [0, 0];
    for (const p of c.packets) for (const [s, i] of order) sums[i]! += (await s.obj.run(s.program, p.data, { repeat })).durationNs;
    per[0].push(sums[0]! / c.packets.length);
    per[1].push(sums[1]! / c.packets.length);
  }
  return [median(per[0]), median(per[1])];
}

export function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
