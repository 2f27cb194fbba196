// Objects loaded into a bpffs in a private mount namespace and run with BPF_PROG_TEST_RUN; nothing outlives the process.
import { bpftoolBytes, bpftoolHex } from "./tools.js";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { execa, type ResultPromise } from "execa";

/** The kernel refused to load an object; `log` holds bpftool's full output, the verifier log included. */
export class BpfLoadError extends Error {
  constructor(readonly objPath: string, readonly log: string) {
    super(`bpftool could not load ${objPath}:\n${summariseVerifierLog(log)}`);
    this.name = "BpfLoadError";
  }
}

/** The few lines of a verifier log that say why: those just before "processed N insns", else the last lines. */
function summariseVerifierLog(log: string): string {
  const lines = log.trim().split("\n");
  const end = lines.findIndex((l) => /^processed \d+ insns/.test(l));
  return (end > 0 ? lines.slice(Math.max(0, end - 4), end) : lines.slice(-6)).join("\n");
}

export interface RawMapEntry { key: Buffer; value: Buffer; perCpu?: Buffer[] }

export interface RunResult { retval: number; dataOut: Buffer; durationNs: number; ctxOut?: Buffer }
export type ProgramInfo = { id: number; name: string; type: string; [key: string]: unknown };

export interface LoadedObject {
  /** Program names (the C function names, which are bpftool's pin names). */
  readonly programs: string[];
  /** Runs one program once (or `repeat` times) on a packet with BPF_PROG_TEST_RUN; `ctxOut` bytes of the context come back when asked. */
  run(program: string, packet: Buffer, opts?: { repeat?: number; ctxOut?: number }): Promise<RunResult>;
  /** bpftool's JSON description of a loaded program (id, xlated/jited sizes, verified_insns...). */
  info(program: string): Promise<ProgramInfo>;
  /** The object's maps by name (pinned under the private bpffs). */
  readonly maps: string[];
  /** Where a map is pinned (a path inside the private mount namespace: use exec() to reach it). */
  mapPath(map: string): string;
  /** Every entry of a map, as raw bytes; per-CPU maps give one value per possible CPU. */
  mapDump(map: string): Promise<RawMapEntry[]>;
  /** Writes one entry (`bpftool map update`); `value` may name another pinned object with { pinned: path }. */
  mapUpdate(map: string, key: Buffer, value: Buffer | { pinned: string }): Promise<void>;
  /** The pin path of a program, for map updates that refer to it (ProgArray). */
  programPath(program: string): string;
  /** Runs a command inside the private mount namespace, where the pins are visible. */
  exec(cmd: string, args: string[]): ReturnType<typeof execa>;
  /** Unpins the programs (freeing them), unmounts the bpffs and deletes the temporary files. Idempotent. */
  close(): Promise<void>;
}

export interface LoadOptions { type: "xdp" | "classifier" | "socket" }

const open = new Set<PrivateBpffs>();
let exitHookInstalled = false;

/**
 * A bpffs mounted in a mount namespace of its own, held by a shell that ignores INT/TERM/HUP and waits for its stdin
 * to close: then it unpins, unmounts and deletes the temporary files. Whether close() is called or this process dies
 * (even by SIGKILL), the pipe closes, and the namespace, the mount and the pinned programs go away.
 */
export class PrivateBpffs {
  readonly work = mkdtempSync(join(tmpdir(), "tsbpf-kernel-"));
  readonly mountPoint = join(this.work, "bpffs");
  private helper?: ResultPromise<{ stdin: "pipe"; stdout: "pipe"; stderr: "pipe"; buffer: false; reject: false }>;

  async start(): Promise<void> {
    mkdirSync(this.mountPoint);
    open.add(this);
    const script = 'trap "" INT TERM HUP; mount -t bpf bpf "$1" || exit 1; echo ready; cat >/dev/null; rm -rf "$1/progs" "$1/maps"; umount "$1"; rm -rf "$2"';
    const helper = execa("unshare", ["--mount", "--propagation", "private", "sh", "-c", script, "sh", this.mountPoint, this.work], { stdin: "pipe", stdout: "pipe", stderr: "pipe", buffer: false, reject: false });
    this.helper = helper;
    let stderr = "";
    helper.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    await new Promise<void>((ready, fail) => {
      helper.stdout.on("data", (c: Buffer) => c.toString().includes("ready") && ready());
      void helper.then((r) => fail(new Error(`cannot mount a private bpffs: ${stderr.trim() || r.shortMessage}`)));
    });
    helper.unref(); // a forgotten close() must not keep the test process alive; the pipe still ends the helper with it
  }

  /** Runs a command inside the namespace (absolute paths only: entering a mount namespace moves to its root). */
  exec(cmd: string, args: string[]) {
    return execa("nsenter", [`--mount=/proc/${this.helper!.pid}/ns/mnt`, "--", cmd, ...args], { reject: false });
  }

  async stop(): Promise<void> {
    if (!open.delete(this)) return;
    if (this.helper && this.helper.exitCode === null) {
      this.helper.ref(); // waiting for it must keep a process with nothing else to do alive until it is done
      this.helper.stdin.end();
      await this.helper;
    }
    rmSync(this.work, { recursive: true, force: true });
  }

  /** Last-resort cleanup when the process exits with objects still open. */
  stopNow(): void {
    open.delete(this);
    this.helper?.stdin.destroy();
    rmSync(this.work, { recursive: true, force: true });
  }
}

/** Loads every program of a BPF ELF object (`bpftool prog loadall ... type <type>`) into a private bpffs. */
export async function loadObject(objPath: string, opts: LoadOptions): Promise<LoadedObject> {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once("exit", () => [...open].forEach((fs) => fs.stopNow()));
  }
  const obj = resolve(objPath);
  const fs = new PrivateBpffs();
  try {
    await fs.start();
    const pins = join(fs.mountPoint, "progs");
    const mapPins = join(fs.mountPoint, "maps");
    const load = await fs.exec("bpftool", ["prog", "loadall", obj, pins, "type", opts.type, "pinmaps", mapPins]);
    if (load.failed) throw new BpfLoadError(objPath, `${load.stderr}\n${load.stdout}`.trim());
    const ls = await fs.exec("ls", ["-1", pins]);
    const programs = ls.stdout.split("\n").filter(Boolean);
    const mapLs = await fs.exec("ls", ["-1", mapPins]);
    const maps = mapLs.failed ? [] : mapLs.stdout.split("\n").filter(Boolean);
    const mapPin = (map: string) => {
      if (!maps.includes(map)) throw new Error(`no map "${map}" in ${objPath} (it has: ${maps.join(", ") || "none"})`);
      return join(mapPins, map);
    };
    let runs = 0;

    const pin = (program: string) => {
      if (!programs.includes(program)) throw new Error(`no program "${program}" in ${objPath} (it has: ${programs.join(", ")})`);
      return join(pins, program);
    };

    return {
      programs,
      async run(program, packet, { repeat = 1, ctxOut } = {}) {
        const n = runs++;
        const dataIn = join(fs.work, `in-${n}.bin`), dataOut = join(fs.work, `out-${n}.bin`), ctxFile = join(fs.work, `ctx-${n}.bin`);
        writeFileSync(dataIn, packet);
        try {
          const args = ["-j", "prog", "run", "pinned", pin(program), "data_in", dataIn, "data_out", dataOut, "data_size_out", String(packet.length + 4096), "repeat", String(repeat)];
          // the kernel gives a context back only to a run that was given one: pass a zeroed one
          if (ctxOut) writeFileSync(`${ctxFile}.in`, Buffer.alloc(ctxOut));
          if (ctxOut) args.push("ctx_in", `${ctxFile}.in`, "ctx_out", ctxFile, "ctx_size_out", String(ctxOut));
          const r = await fs.exec("bpftool", args);
          const json = parseJson(r.stdout);
          if (r.failed || typeof json?.retval !== "number") throw new Error(`bpftool prog run ${program} failed: ${json?.error ?? oneLine(r.stderr || r.stdout)}`);
          let out = Buffer.alloc(0);
          try { out = readFileSync(dataOut); } catch { /* an empty output packet leaves no file */ }
          return { retval: json.retval, dataOut: out, durationNs: Number(json.duration ?? 0), ctxOut: ctxOut ? readFileSync(ctxFile) : undefined };
        } finally {
          rmSync(dataIn, { force: true });
          rmSync(dataOut, { force: true });
          rmSync(ctxFile, { force: true });
          rmSync(`${ctxFile}.in`, { force: true });
        }
      },
      async info(program) {
        const r = await fs.exec("bpftool", ["-j", "prog", "show", "pinned", pin(program)]);
        const json = parseJson(r.stdout);
        if (r.failed || !json) throw new Error(`bpftool prog show ${program} failed: ${oneLine(r.stderr || r.stdout)}`);
        return json as ProgramInfo;
      },
      maps,
      mapPath: mapPin,
      programPath: pin,
      async mapDump(map) {
        const r = await fs.exec("bpftool", ["-j", "map", "dump", "pinned", mapPin(map)]);
        const json = parseJson(r.stdout);
        if (r.failed || !Array.isArray(json)) throw new Error(`bpftool map dump ${map} failed: ${oneLine(r.stderr || r.stdout)}`);
        return json.map((e: { key: string[]; value?: string[]; values?: { cpu: number; value: string[] }[] }) => {
          const perCpu = e.values?.map((v) => bpftoolBytes(v.value));
          return { key: bpftoolBytes(e.key), value: perCpu ? perCpu[0]! : bpftoolBytes(e.value!), perCpu };
        });
      },
      async mapUpdate(map, key, value) {
        const v = Buffer.isBuffer(value) ? ["value", "hex", ...bpftoolHex(value)] : ["value", "pinned", value.pinned];
        const r = await fs.exec("bpftool", ["map", "update", "pinned", mapPin(map), "key", "hex", ...bpftoolHex(key), ...v]);
        if (r.failed) throw new Error(`bpftool map update ${map} failed: ${oneLine(r.stderr || r.stdout)}`);
      },
      exec: (cmd, args) => fs.exec(cmd, args),
      close: () => fs.stop(),
    };
  } catch (e) {
    await fs.stop();
    throw e;
  }
}


/** The last line of a tool's complaint. */
const oneLine = (s: string) => s.trim().split("\n").pop() ?? "";

function parseJson(text: string): Record<string, any> | undefined {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
