// `make bench`: every program of bench/programs/ against its hand-written C, behaviour checked first, then the table in BENCHMARKS.md.
import { Command } from "commander";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchCase } from "./case.js";
import { compareBehaviour, loadSides, sizes, timings } from "./measure.js";
import { markdown, misses, table, type Row } from "./report.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const programs = join(root, "bench", "programs");

const o = new Command("bench")
  .option("--only <names>", "only these programs (comma-separated)")
  .option("--rounds <n>", "timing rounds (the median is kept)", "9")
  .option("--repeat <n>", "BPF_PROG_TEST_RUN repeats per packet and round", "2000")
  .option("--out <file>", "where the report goes", join(root, "BENCHMARKS.md"))
  .parse()
  .opts<{ only?: string; rounds: string; repeat: string; out: string }>();
const settings = { rounds: Number(o.rounds), repeat: Number(o.repeat) };
if (process.getuid?.() !== 0) {
  console.error("tsbpf bench: loading BPF programs needs root (run make bench as root)");
  process.exit(1);
}

const only = o.only?.split(",");
const names = readdirSync(programs).filter((n) => !only || only.includes(n)).sort();
if (only) for (const n of only) if (!names.includes(n)) throw new Error(`no benchmark ${n} in bench/programs (there are ${readdirSync(programs).join(", ")})`);

const rows: Row[] = [];
const mismatches: string[] = [];
const work = mkdtempSync(join(tmpdir(), "tsbpf-bench-"));
try {
  for (const name of names) {
    const c = (await import(join(root, "dist", "bench", "programs", name, "case.js"))).default as BenchCase;
    const sides = await loadSides(join(work, name), join(programs, name), c);
    try {
      const differences = await compareBehaviour(c, sides.tsbpf, sides.c);
      if (differences.length) {
        mismatches.push(`${name}:\n  ${differences.join("\n  ")}`);
        console.log(`${name}: tsbpf and C disagree, not timed`);
        continue;
      }
      const [ns, nsC] = await timings(c, sides.tsbpf, sides.c, settings.rounds, settings.repeat);
      rows.push({ name, description: c.description, tsbpf: { ...(await sizes(sides.tsbpf)), nsPerPacket: ns }, c: { ...(await sizes(sides.c)), nsPerPacket: nsC } });
      console.log(`${name}: same behaviour on ${c.packets.length} packets; measured`);
    } finally {
      await sides.tsbpf.obj.close();
      await sides.c.obj.close();
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (rows.length) {
  console.log(`\n${table(rows)}\n`);
  for (const m of misses(rows)) console.log(`target missed: ${m}`);
  if (!only) {
    writeFileSync(o.out, await markdown(rows, settings, join(root, "bench", "analysis.md")));
    console.log(`\nwritten to ${o.out}`);
  }
}
if (mismatches.length) {
  console.error(`\ntsbpf bench: ${mismatches.length} program(s) behave differently from their C:\n${mismatches.join("\n")}`);
  process.exit(1);
}
