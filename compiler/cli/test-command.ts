// tsbpf test: runs each frame of a pcap through a probe's program in the kernel (BPF_PROG_TEST_RUN) and prints the verdicts.
import type { Command } from "commander";
import { readFileSync } from "node:fs";
import { messages } from "../diagnostics/catalogue.js";
import { DiagnosticError } from "../diagnostics/diagnostic.js";
import { kindByDecorator, type ProgramKind } from "../programs/kinds.js";
import { readPcap, writePcap } from "../testing/pcap.js";
import { loadProgram, TestProgramError, type TestProgram } from "../testing/program.js";

interface TestFlags { pcap: string; out?: string; prog?: string }

export function registerTestCommand(cmd: Command): void {
  cmd
    .command("test")
    .description("run each frame of a pcap through a probe's program in the kernel (BPF_PROG_TEST_RUN) and print the verdicts")
    .argument("<probe>", "the probe's .ts file")
    .requiredOption("--pcap <file>", "the frames to run (classic pcap, Ethernet)")
    .option("--out <file>", "write the frames as the program left them to this pcap")
    .option("--prog <name>", "the program to run (needed when the probe has several)")
    .action(async (probe: string, flags: TestFlags) => {
      const frames = readFrames(flags.pcap);
      if (process.getuid?.() !== 0) fail("tsbpf test runs the program in the kernel, which needs root (CAP_SYS_ADMIN): run it as root");
      const program = await load(probe);
      try {
        const name = chooseProgram(program, flags.prog);
        const kind = kindOf(program, name);
        const counts = new Map<number, number>();
        const out: Buffer[] = [];
        for (const [i, frame] of frames.entries()) {
          const r = await program.run(frame, { program: name });
          counts.set(r.verdict, (counts.get(r.verdict) ?? 0) + 1);
          out.push(r.packet);
          console.log(`#${i + 1} ${frame.length} bytes → ${verdictName(kind, r.verdict)} (${r.verdict})`);
        }
        console.log(summary(kind, name, frames.length, counts));
        if (flags.out) writeOut(flags.out, out);
      } finally {
        await program.close();
      }
    });
}

function fail(why: string): never {
  throw new DiagnosticError([{ ...messages.cliInput(why), severity: "error" }]);
}

function readFrames(path: string): Buffer[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    fail(code === "ENOENT" ? `cannot read ${path}: no such file` : code === "EISDIR" ? `cannot read ${path}: it is a directory` : `cannot read ${path}: ${(e as Error).message}`);
  }
  try {
    return readPcap(bytes);
  } catch (e) {
    fail(`cannot use ${path}: ${(e as Error).message}`);
  }
}

async function load(probe: string): Promise<TestProgram> {
  try {
    return await loadProgram(probe);
  } catch (e) {
    if (e instanceof TestProgramError) fail(e.message);
    throw e; // a ProbeDiagnosticError (a DiagnosticError) is printed located, like every diagnostic
  }
}

function chooseProgram(program: TestProgram, prog?: string): string {
  const list = program.programs.join(", ");
  if (prog !== undefined) {
    if (!program.programs.includes(prog)) fail(`the probe has no program '${prog}'; it has ${list}`);
    return prog;
  }
  if (program.programs.length !== 1) fail(`the probe has several programs (${list}): choose one with --prog`);
  return program.programs[0]!;
}

function kindOf(program: TestProgram, name: string): ProgramKind {
  const type = program.manifest.programs.find((p) => p.name === name)!.type;
  const kind = kindByDecorator(type);
  if (!kind) throw new Error(`internal: the manifest's program '${name}' has an unknown type ${type}`);
  return kind;
}

function verdictName(kind: ProgramKind, verdict: number): string {
  return Object.entries(kind.actions).find(([, a]) => a.value === verdict)?.[0] ?? "Unknown";
}

/** "4 packets through portFilter: 1 Drop, 3 Pass", verdicts in numeric order. */
function summary(kind: ProgramKind, name: string, total: number, counts: Map<number, number>): string {
  const ordered = [...counts.entries()].sort(([a], [b]) => a - b).map(([v, n]) => `${n} ${verdictName(kind, v)}`);
  return `${total} packet${total === 1 ? "" : "s"} through ${name}: ${ordered.join(", ") || "none"}`;
}

function writeOut(path: string, frames: Buffer[]): void {
  try {
    writePcap(path, frames);
  } catch (e) {
    throw new DiagnosticError([{ ...messages.outputUnwritable(path, (e as Error).message), severity: "error" }]);
  }
  console.log(`wrote ${frames.length} frame${frames.length === 1 ? "" : "s"} to ${path}`);
}
