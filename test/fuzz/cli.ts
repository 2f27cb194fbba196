// `make fuzz`: generates COUNT programs from SEED, checks each through the property, prints a summary and shrunk reproducers.
import { Command, Option } from "commander";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SIZE_NAMES, type SizeChoice } from "./generate/size.js";
import { saveRegression } from "./run/regressions.js";
import { progressLine, summary } from "./run/report.js";
import { fuzz, type ProgramResult } from "./run/runner.js";

const program = new Command("tsbpf-fuzz")
  .description("Generate random probes and check that every one `tsbpf check` accepts builds without warnings and passes the kernel verifier")
  .option("--count <n>", "programs to generate", "10000")
  .option("--seed <n>", "the run's seed (random when not given)")
  .addOption(new Option("--size <size>", "program size").choices([...SIZE_NAMES, "mixed"]).default("mixed"))
  .option("--jobs <n>", "programs in flight at once", "3")
  .option("--only <indexes>", "run only these programs of the seed (comma-separated), e.g. to reproduce one")
  .option("--no-verify", "skip the kernel verifier")
  .option("--no-shrink", "do not shrink failures")
  .option("--shrink-budget <seconds>", "time to shrink each failure class", "180")
  .option("--save", "write each shrunk failure to test/fuzz/regressions/")
  .parse();

const o = program.opts<{ count: string; seed?: string; size: SizeChoice; jobs: string; only?: string; verify: boolean; shrink: boolean; shrinkBudget: string; save?: boolean }>();
const seed = o.seed !== undefined && o.seed !== "" ? Number(o.seed) >>> 0 : (Math.random() * 0x100000000) >>> 0;
const root = process.getuid?.() === 0;
const verify = o.verify && root;
console.log(`tsbpf fuzz: seed ${seed}`);
if (o.verify && !root) console.log("tsbpf fuzz: not root, so the kernel verifier is not run (check and clang only)");

const workDir = mkdtempSync(join(tmpdir(), "tsbpf-fuzz-"));
// stopped by a signal (make fuzz interrupted, a campaign cut short), the run still leaves no scratch files behind
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
  process.once(signal, () => {
    rmSync(workDir, { recursive: true, force: true });
    process.exit(code);
  });
}
const started = Date.now();
const seen: ProgramResult[] = [];
const tty = process.stdout.isTTY;
let lastPrint = 0;
try {
  const report = await fuzz({
    seed,
    count: Number(o.count),
    size: o.size,
    jobs: Number(o.jobs),
    verify,
    shrink: o.shrink,
    shrinkBudgetMs: Number(o.shrinkBudget) * 1000,
    workDir,
    only: o.only?.split(",").map(Number),
    onResult: (r, done, total) => {
      seen.push(r);
      if (tty) process.stdout.write(`\r${progressLine(seen, done, total, Date.now() - started)}`);
      else if (done === total || Date.now() - lastPrint > 10_000) {
        lastPrint = Date.now();
        console.log(progressLine(seen, done, total, Date.now() - started));
      }
    },
    onShrinkStart: (cls, r) => console.log(`${tty ? "\n" : ""}shrinking program ${r.index} (${r.lines} lines): ${cls}`),
  });
  if (tty) process.stdout.write("\n");
  console.log(summary(report));
  if (o.save) for (const s of report.shrunk) console.log(`saved ${saveRegression(s, o.size)}`);
  process.exitCode = report.results.some((r) => r.outcome.status === "failed") ? 1 : 0;
} finally {
  rmSync(workDir, { recursive: true, force: true });
}

