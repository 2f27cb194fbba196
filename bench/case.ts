// What one benchmark is: a probe and the hand-written C with the same behaviour, the packets both are run on, and the maps compared.
import type { LoadOptions } from "../compiler/loader/sandbox.js";

export interface BenchPacket {
  /** What the packet is, for a mismatch report. */
  name: string;
  data: Buffer;
}

export interface MapEntry {
  key: Buffer;
  value: Buffer;
}

export interface BenchCase {
  /** The folder under bench/programs/ (probe.ts, probe.bpf.c and case.ts). */
  name: string;
  /** One line for BENCHMARKS.md. */
  description: string;
  type: LoadOptions["type"];
  /** The program's name in each object (bpftool's pin name: the C function's name). */
  program: { tsbpf: string; c: string };
  /** Run once on each side and compared (verdict, output bytes); all of them are timed. */
  packets: BenchPacket[];
  /** Maps both sides have, by their names in each object: filled with `setup` before the runs, compared after them. */
  maps?: { tsbpf: string; c: string; setup?: MapEntry[] }[];
}
