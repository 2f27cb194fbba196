// tsbpf load, unload and status: the command-line side of compiler/loader.
import { Command, Option } from "commander";
import { followLog } from "../loader/follow.js";
import { load } from "../loader/load.js";
import { formatStatus, status } from "../loader/status.js";
import { unload } from "../loader/unload.js";

interface LoadFlags { iface: string; prog?: string; mode?: "native" | "skb" | "hw"; direction: "ingress" | "egress"; set: string[]; force?: boolean; follow?: boolean }

export function registerLoadCommands(cmd: Command): void {
  cmd
    .command("load")
    .description("load a probe (.ts, built first, or .bpf.o with its manifest), pin it under /sys/fs/bpf/tsbpf/<iface> and attach one program")
    .argument("<probe>", "probe.ts or probe.bpf.o")
    .requiredOption("-i, --iface <name>", "the network interface")
    .option("-p, --prog <name>", "the program to attach (needed when the object has several)")
    .addOption(new Option("-m, --mode <mode>", "XDP mode (default: native, falling back to skb)").choices(["native", "skb", "hw"]))
    .addOption(new Option("-d, --direction <dir>", "tc hook").choices(["ingress", "egress"]).default("ingress"))
    .option("-s, --set <name=value>", "set a config() constant (repeatable)", (v: string, all: string[]) => [...all, v], [] as string[])
    .option("-f, --force", "replace a program already attached")
    .option("--follow", "print log events until Ctrl-C, then leave the program attached")
    .action(async (probe: string, flags: LoadFlags) => {
      const a = await load(probe, { iface: flags.iface, program: flags.prog, mode: flags.mode, direction: flags.direction, set: flags.set, force: flags.force });
      const hook = a.kind === "xdp" ? `XDP in ${a.mode} mode` : `tc ${a.direction}`;
      console.log(`${a.program} (id ${a.id}) attached to ${a.iface} as ${hook}; pinned under ${a.pinDir}`);
      if (flags.follow) await followLog(a, (line) => console.log(line));
    });
  cmd
    .command("unload")
    .description("detach tsbpf's program from an interface and remove its pins (nothing to do is not an error)")
    .requiredOption("-i, --iface <name>", "the network interface")
    .action(async (flags: { iface: string }) => {
      const a = await unload(flags.iface);
      console.log(a ? `${a.program} detached from ${a.iface}; pins removed` : `nothing loaded by tsbpf on ${flags.iface}`);
    });
  cmd
    .command("status")
    .description("what tsbpf has loaded, and whether the kernel still has it attached")
    .option("--json", "machine-readable output")
    .action(async (flags: { json?: boolean }) => {
      const list = await status();
      console.log(flags.json ? JSON.stringify(list, null, 2) : formatStatus(list));
    });
}
