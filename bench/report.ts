// The benchmark's table: per program and geomean ratios tsbpf / C, the targets they are held to, and the machine they ran on.
import { execa } from "execa";
import { existsSync, readFileSync } from "node:fs";
import { cpus } from "node:os";
import type { Figures } from "./measure.js";

export interface Row {
  name: string;
  description: string;
  tsbpf: Figures;
  c: Figures;
}

type Metric = keyof Figures;
const METRICS: { key: Metric; title: string; target: number }[] = [
  { key: "insns", title: "instructions", target: 1.0 },
  { key: "verified", title: "verifier-processed", target: 1.0 },
  { key: "nsPerPacket", title: "ns/packet", target: 1.05 },
  { key: "jitedBytes", title: "JIT bytes", target: Infinity },
];
/** No single program may be more than this times its C on any measure. */
const SINGLE_LIMIT = 1.3;

const ratio = (r: Row, m: Metric) => r.tsbpf[m] / r.c[m];
export const geomean = (xs: number[]) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
const fmt = (n: number, m: Metric) => (m === "nsPerPacket" ? n.toFixed(1) : Math.round(n).toLocaleString("en-US"));

/** The table as Markdown. */
export function table(rows: Row[]): string {
  const head = `| program | ${METRICS.map((m) => `${m.title} tsbpf / C | ×`).join(" | ")} |`;
  const rule = `| --- | ${METRICS.map(() => "---: | ---:").join(" | ")} |`;
  const lines = rows.map((r) => `| ${r.name} | ${METRICS.map((m) => `${fmt(r.tsbpf[m.key], m.key)} / ${fmt(r.c[m.key], m.key)} | ${ratio(r, m.key).toFixed(2)}`).join(" | ")} |`);
  const geo = `| **geomean** | ${METRICS.map((m) => ` | **${geomean(rows.map((r) => ratio(r, m.key))).toFixed(2)}**`).join(" | ")} |`;
  return [head, rule, ...lines, geo].join("\n");
}

/** Each target the run misses, with by how much. */
export function misses(rows: Row[]): string[] {
  const out: string[] = [];
  for (const m of METRICS.filter((x) => x.target !== Infinity)) {
    const g = geomean(rows.map((r) => ratio(r, m.key)));
    if (g > m.target) out.push(`${m.title}: geomean ${g.toFixed(2)}× against a target of ${m.target.toFixed(2)}×`);
    for (const r of rows) if (ratio(r, m.key) > SINGLE_LIMIT) out.push(`${m.title}: ${r.name} at ${ratio(r, m.key).toFixed(2)}× (no program above ${SINGLE_LIMIT}×)`);
  }
  return out;
}

/** BENCHMARKS.md: how it was measured, on what, the table, the misses and the hand-written analysis (bench/analysis.md). */
export async function markdown(rows: Row[], settings: { rounds: number; repeat: number }, analysisFile: string): Promise<string> {
  const kernel = (await execa("uname", ["-r"])).stdout.trim();
  const clang = (await execa("clang", ["--version"])).stdout.split("\n")[0]!.trim();
  const cpu = cpus();
  const missed = misses(rows);
  const descriptions = rows.map((r) => `- **${r.name}**: ${r.description}`).join("\n");
  const analysis = existsSync(analysisFile) ? `\n${readFileSync(analysisFile, "utf8").trim()}\n` : "";
  return `# Benchmarks: tsbpf against hand-written C

Written by \`make bench\` on ${new Date().toISOString().slice(0, 10)}: Linux ${kernel}, ${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}, ${clang}.

Each program exists twice under \`bench/programs/\`: a tsbpf probe (\`probe.ts\`) and idiomatic libbpf-style C
(\`probe.bpf.c\`, compiled with \`clang ${["-O2", "-target bpf", "-mcpu=v3"].join(" ")}\`). Before anything is timed, both run on
the same packets and must agree on every verdict, every output packet and the contents of their maps. Then, per
program: translated instructions and JIT bytes after load, the instructions the verifier processed, and the time per
packet under BPF_PROG_TEST_RUN (${settings.rounds} rounds, each running every packet ${settings.repeat.toLocaleString("en-US")} times on one side and
then the other, the side going first alternating; the median over rounds of the mean over packets). × is tsbpf / C:
below 1 is better than C.

${table(rows)}

Targets: geomean ≤ 1.00 for instructions and verifier-processed instructions, ≤ 1.05 for ns/packet, and no program
above ${SINGLE_LIMIT}× on any of them. ${missed.length ? `Missed in this run:\n\n${missed.map((m) => `- ${m}`).join("\n")}` : "All met in this run."}

## The programs

${descriptions}
${analysis}`;
}
