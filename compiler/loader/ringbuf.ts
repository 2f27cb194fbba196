// Reads pinned BPF ring buffers through the native tsbpf-ringbuf-reader (built on demand): drain once, or follow.
import type { Readable } from "node:stream";
import { execa } from "execa";
import { nativeToolPath } from "./native.js";

/**
 * What drainRingbuf needs from a command runner: a result with stdout, stderr and failed, as execa gives with reject: false
 * (LoadedObject.exec in the tests fits). Output may be a string, bytes or lines; with its final newline stripped, a lone
 * empty record cannot be told from none.
 */
export type RingbufExec = (cmd: string, args: string[]) => PromiseLike<{ stdout?: unknown; stderr?: unknown; failed: boolean }>;

/** What followRingbuf needs from a started command: its stdout, a way to signal it, and its outcome. */
export type RingbufSpawned = PromiseLike<{ stderr?: unknown; failed: boolean; signal?: string; shortMessage?: string }> & {
  stdout: Readable | null;
  kill(signal: NodeJS.Signals): boolean;
};

export interface RingbufFollower {
  /** Sends SIGINT to the reader (which first prints what is still in the buffer) and waits for it to exit. Rejects if the reader failed or onRecord threw. */
  stop(): Promise<void>;
}

/** The absolute path of the tsbpf-ringbuf-reader binary, compiled first if it is missing or older than its source. */
export function ringbufReaderPath(): string {
  return nativeToolPath("tsbpf-ringbuf-reader");
}

/** Everything currently in the ring buffer pinned at `mapPath`, one Buffer per record, oldest first; the records are consumed. */
export async function drainRingbuf(mapPath: string, exec?: RingbufExec): Promise<Buffer[]> {
  const reader = ringbufReaderPath();
  // Keep the final newline: with it, a lone empty record ("\n") differs from no record ("").
  const run: RingbufExec = exec ?? ((cmd, args) => execa(cmd, args, { reject: false, stripFinalNewline: false, stdin: "ignore" }));
  const r = await run(reader, [mapPath]);
  if (r.failed) {
    const detail = outputText(r.stderr).trim() || (r as { shortMessage?: string }).shortMessage || "no error message";
    throw new Error(`reading the ring buffer ${mapPath} failed: ${detail}`);
  }
  const text = outputText(r.stdout);
  if (text === "") return [];
  return (text.endsWith("\n") ? text.slice(0, -1) : text).split("\n").map(parseRecord);
}

/**
 * Prints records as the kernel writes them: starts tsbpf-ringbuf-reader --follow and calls onRecord for each, in order.
 * `spawn` starts the command (default: execa), e.g. inside another mount namespace; the signal from stop() must reach the reader.
 */
export function followRingbuf(mapPath: string, onRecord: (record: Buffer) => void, spawn?: (cmd: string, args: string[]) => RingbufSpawned): RingbufFollower {
  const reader = ringbufReaderPath();
  const child: RingbufSpawned = spawn
    ? spawn(reader, [mapPath, "--follow"])
    : execa(reader, [mapPath, "--follow"], { reject: false, stdin: "ignore", buffer: { stdout: false } });
  const stdout = child.stdout;
  if (!stdout) throw new Error("followRingbuf: the spawned reader has no stdout pipe");
  let pending = "";
  let failure: unknown;
  const ended = new Promise<void>((done) => {
    stdout.once("end", done);
    stdout.once("close", done);
  });
  stdout.on("data", (chunk: Buffer | string) => {
    if (failure !== undefined) return;
    pending += typeof chunk === "string" ? chunk : chunk.toString("latin1");
    let nl: number;
    try {
      while ((nl = pending.indexOf("\n")) >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        onRecord(parseRecord(line));
      }
    } catch (e) {
      failure = e;
      child.kill("SIGINT");
    }
  });
  let stopping: Promise<void> | undefined;
  return {
    stop() {
      stopping ??= (async () => {
        child.kill("SIGINT");
        const [r] = await Promise.all([child, ended]);
        if (failure !== undefined) throw failure;
        // Killed by our SIGINT before it could install its handler: a stop, not a failure.
        if (r.failed && r.signal !== "SIGINT") {
          const detail = outputText(r.stderr).trim() || r.shortMessage || "no error message";
          throw new Error(`following the ring buffer ${mapPath} failed: ${detail}`);
        }
        if (pending !== "" && !r.failed) throw new Error(`tsbpf-ringbuf-reader's output ended in the middle of a record: ${pending.slice(0, 80)}`);
      })();
      return stopping;
    },
  };
}

/** A command's output as text, whether the runner gave a string, bytes or lines. */
function outputText(output: unknown): string {
  if (output === undefined || output === null) return "";
  if (typeof output === "string") return output;
  if (output instanceof Uint8Array) return Buffer.from(output.buffer, output.byteOffset, output.byteLength).toString("latin1");
  if (Array.isArray(output)) return output.map(outputText).join("\n");
  return String(output);
}

/** One line of the reader's output: the record's bytes in lowercase hex. */
function parseRecord(line: string): Buffer {
  if (!/^(?:[0-9a-f]{2})*$/.test(line)) throw new Error(`unexpected output from tsbpf-ringbuf-reader (expected a line of hex bytes): ${line.slice(0, 80)}`);
  return Buffer.from(line, "hex");
}
