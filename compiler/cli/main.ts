// The tsbpf command line: parses flags, calls the library, prints diagnostics; never a stack trace for user errors.
import { Command, CommanderError, Option } from "commander";
import { build, checkFile } from "../build.js";
import { verificationReport } from "./build-report.js";
import { DiagnosticError } from "../diagnostics/diagnostic.js";
import { formatDiagnostics } from "../diagnostics/format.js";
import { initProject } from "../project/init.js";
import { registerLoadCommands } from "./load-commands.js";
import { registerMapsCommand } from "./maps-command.js";
import { registerTestCommand } from "./test-command.js";
import { resolveMap } from "../loader/resolve-map.js";

function program(): Command {
  const cmd = new Command("tsbpf").description("Compile TypeScript XDP, tc and socket-filter programs into verified BPF objects, and load, inspect and test them").exitOverride();
  cmd
    .command("init")
    .description("start a probe project: tsconfig.json (editor support) and an example probe.ts")
    .argument("[dir]", "where to create it", ".")
    .action((dir: string) => {
      for (const f of initProject(dir)) console.log(`wrote ${f}`);
    });
  cmd
    .command("check")
    .description("type-check and subset-check a probe; writes nothing")
    .argument("<probe>", "the probe's .ts file")
    .action((probe: string) => {
      const checked = checkFile(probe);
      if (checked.warnings.length) console.error(formatDiagnostics(checked.warnings));
      const estimate = (name: string) => `${name}: about ${Math.round(checked.costs.get(name)?.steps ?? 0).toLocaleString("en-US")} verifier steps`;
      console.log(`${probe}: ok (${checked.programs.map((p) => estimate(p.name)).join(", ")})`);
    });
  cmd
    .command("build")
    .description("compile a probe to <out>/<name>.bpf.c, .bpf.o and .manifest.json, and run the kernel verifier over it when privileges allow")
    .argument("<probe>", "the probe's .ts file")
    .option("-o, --out-dir <dir>", "where to write the outputs", "build")
    .addOption(new Option("--sections <style>", "ELF section names: tsbpf (xdp/<method>) or libbpf (xdp)").choices(["tsbpf", "libbpf"]).default("tsbpf"))
    .option("--license <license>", "the license string the kernel sees", "GPL")
    .option("--emit-c", "also print the generated C")
    .option("--no-verify", "do not run the kernel verifier over the object (by default it runs when privileges allow)")
    .action(async (probe: string, opts: { outDir: string; sections: "tsbpf" | "libbpf"; license: string; emitC?: boolean; verify: boolean }) => {
      const result = await build(probe, { outDir: opts.outDir, sections: opts.sections, license: opts.license, verify: opts.verify ? "auto" : false });
      if (opts.emitC) process.stdout.write(result.cSource);
      if (result.warnings.length) console.error(formatDiagnostics(result.warnings));
      if (result.clangWarnings.trim()) console.error(`note: clang warned about the generated C (please report this as a tsbpf bug):\n${result.clangWarnings.trim()}`);
      const progs = result.manifest.programs.map((p) => `${p.section} (${p.symbol})`).join(", ");
      console.log(`${probe} → ${result.objectFile}: ${progs}`);
      if (result.verification) for (const line of verificationReport(result.verification)) console.log(line);
    });
  registerLoadCommands(cmd);
  registerMapsCommand(cmd, resolveMap);
  registerTestCommand(cmd);
  return cmd;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv, { from: "user" });
    return 0;
  } catch (e) {
    if (e instanceof DiagnosticError) {
      console.error(formatDiagnostics(e.diagnostics));
      return 1;
    }
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    console.error(`tsbpf: internal error: ${(e as Error).stack ?? e}`);
    return 70;
  }
}
