// A place to run `tsbpf load` for real: two network namespaces joined by a veth pair, and a private mount namespace for bpffs and state.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa, type ResultPromise } from "execa";

const root = join(import.meta.dirname, "..", "..");
let counter = 0;

export interface CliResult { status: number; stdout: string; stderr: string }

export class CliSandbox {
  readonly a: string;
  readonly b: string;
  /** The veth end in namespace B, where programs are attached, and the addresses of each end. */
  readonly iface: string;
  readonly addrA: string;
  readonly addrB: string;
  /** Made in start(), so a sandbox whose tests are filtered out leaves nothing behind. */
  stateDir = "";
  private holder?: ResultPromise<{ stdin: "pipe"; stdout: "pipe"; buffer: false; reject: false }>;

  constructor() {
    const n = `${process.pid % 10000}${counter++}`;
    this.a = `tsbpf-cli-${n}-a`;
    this.b = `tsbpf-cli-${n}-b`;
    this.iface = `tcli${n}b`;
    const subnet = 100 + ((process.pid + counter) % 100);
    this.addrA = `10.233.${subnet}.1`;
    this.addrB = `10.233.${subnet}.2`;
  }

  async start(): Promise<void> {
    this.stateDir = mkdtempSync(join(tmpdir(), "tsbpf-state-"));
    const ip = (...args: string[]) => execa("ip", args);
    await ip("netns", "add", this.a);
    await ip("netns", "add", this.b);
    await ip("link", "add", `${this.iface.slice(0, -1)}a`, "netns", this.a, "type", "veth", "peer", "name", this.iface, "netns", this.b);
    await ip("-n", this.a, "addr", "add", `${this.addrA}/24`, "dev", `${this.iface.slice(0, -1)}a`);
    await ip("-n", this.b, "addr", "add", `${this.addrB}/24`, "dev", this.iface);
    for (const [ns, dev] of [[this.a, `${this.iface.slice(0, -1)}a`], [this.b, this.iface]] as const) {
      await ip("-n", ns, "link", "set", "dev", dev, "up");
      await ip("-n", ns, "link", "set", "dev", "lo", "up");
    }
    // created after the namespaces, so its copy of /run/netns can enter them; bpffs mounted by tsbpf itself stays private here
    const holder = execa("unshare", ["--mount", "--propagation", "private", "sh", "-c", 'trap "" INT TERM HUP; echo ready; cat >/dev/null'], { stdin: "pipe", stdout: "pipe", buffer: false, reject: false });
    this.holder = holder;
    await new Promise<void>((ready) => holder.stdout.on("data", (c: Buffer) => c.toString().includes("ready") && ready()));
    holder.unref();
    for (let i = 0; i < 50; i++) {
      const up = await execa("ip", ["-n", this.b, "-br", "link", "show", "dev", this.iface], { reject: false });
      if (/\bUP\b/.test(up.stdout)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Runs the tsbpf executable in namespace B with its own bpffs and state directory. */
  /** With dropCaps, tsbpf runs without capabilities (as an ordinary user would; still uid 0, so it can read any checkout). */
  async tsbpf(args: string[], env: Record<string, string> = {}, opts: { dropCaps?: boolean } = {}): Promise<CliResult> {
    const node = [process.execPath, join(root, "bin", "tsbpf.js"), ...args];
    const cmd = opts.dropCaps ? ["setpriv", "--inh-caps=-all", "--ambient-caps=-all", "--bounding-set=-all", ...node] : node;
    const r = await execa("/usr/bin/nsenter", [`--mount=/proc/${this.holder!.pid}/ns/mnt`, `--net=/run/netns/${this.b}`, `--wd=${root}`, "--", ...cmd], { reject: false, cwd: root, env: { ...process.env, TSBPF_STATE_DIR: this.stateDir, ...env } });
    return { status: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
  }

  /** Runs an ES module script with Node in namespace B (cwd: the repository, so `import ... from "tsbpf"` resolves to it). */
  async node(script: string): Promise<CliResult> {
    const r = await execa("/usr/bin/nsenter", [`--mount=/proc/${this.holder!.pid}/ns/mnt`, `--net=/run/netns/${this.b}`, `--wd=${root}`, "--", process.execPath, "--input-type=module", "-e", script], { reject: false, cwd: root, env: { ...process.env, TSBPF_STATE_DIR: this.stateDir } });
    return { status: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
  }

  /** Starts tsbpf in the background (e.g. load --follow): wait for its output, then interrupt it like Ctrl-C. */
  spawnTsbpf(args: string[]) {
    const child = execa("/usr/bin/nsenter", [`--mount=/proc/${this.holder!.pid}/ns/mnt`, `--net=/run/netns/${this.b}`, "--", process.execPath, join(root, "bin", "tsbpf.js"), ...args], { reject: false, cwd: root, env: { ...process.env, TSBPF_STATE_DIR: this.stateDir } });
    let out = "";
    child.stdout!.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr!.on("data", (c: Buffer) => (out += c.toString()));
    return {
      async waitFor(pattern: RegExp, ms = 20_000): Promise<string> {
        for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) if (pattern.test(out)) return out;
        child.kill("SIGKILL");
        throw new Error(`tsbpf ${args.join(" ")} did not print ${pattern} within ${ms} ms; it printed:\n${out}`);
      },
      async interrupt(): Promise<number> {
        child.kill("SIGINT");
        return (await child).exitCode ?? -1;
      },
    };
  }

  /** Runs a command in the private mount namespace and namespace B (to look at pins and attachments). */
  inB(cmd: string, args: string[]) {
    return execa("/usr/bin/nsenter", [`--mount=/proc/${this.holder!.pid}/ns/mnt`, `--net=/run/netns/${this.b}`, "--", cmd, ...args], { reject: false });
  }

  /** Runs a command in namespace A (the traffic's source). */
  inA(cmd: string, args: string[], opts: { input?: string } = {}) {
    return execa("ip", ["netns", "exec", this.a, cmd, ...args], { reject: false, input: opts.input });
  }

  async close(): Promise<void> {
    if (this.holder && this.holder.exitCode === null) {
      this.holder.stdin.end();
      await this.holder;
    }
    await execa("ip", ["netns", "del", this.a], { reject: false });
    await execa("ip", ["netns", "del", this.b], { reject: false });
    if (this.stateDir) rmSync(this.stateDir, { recursive: true, force: true });
  }
}
