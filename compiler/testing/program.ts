// loadProgram: builds a probe, loads it into a private bpffs, runs packets through it (BPF_PROG_TEST_RUN) and reads and writes its maps.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "../build.js";
import { DiagnosticError, type Diagnostic } from "../diagnostics/diagnostic.js";
import { formatDiagnostic } from "../diagnostics/format.js";
import { failureFromToolOutput, loadFailureDiagnostic } from "../loader/load-failure.js";
import { BpfLoadError, loadObject, type LoadedObject, type LoadOptions } from "../loader/sandbox.js";
import type { Manifest, ManifestMap } from "../manifest/manifest.js";
import { decodeEntry, encode, type Value } from "../object/codec.js";
import { PROGRAM_KINDS, type ProgramKind } from "../programs/kinds.js";

/** A program kind's verdicts by name, as BPF_PROG_TEST_RUN reports them (from compiler/programs/kinds.ts). */
function verdicts(decorator: ProgramKind["decorator"]): Readonly<Record<string, number>> {
  const kind = PROGRAM_KINDS.find((k) => k.decorator === decorator)!;
  return Object.fromEntries(Object.entries(kind.actions).map(([name, a]) => [name, a.value]));
}

/** XDP verdicts (enum xdp_action): Aborted, Drop, Pass, Tx, Redirect. */
export const XdpVerdict = verdicts("xdp");
/** tc verdicts (TC_ACT_*): Ok, Reclassify, Shot, Pipe, Stolen, Redirect. */
export const TcVerdict = verdicts("tc");
/** Socket filter verdicts: the bytes kept, none (Drop) or all (Accept). */
export const SocketVerdict = verdicts("socketFilter");

export type { Value } from "../object/codec.js";

/** A probe that loadProgram cannot test as asked: no such program or map, no program named among several, or mixed kinds. */
export class TestProgramError extends Error {
  override name = "TestProgramError";
}

/** One map entry, decoded through the manifest (key null for keyless maps); per-CPU maps also give every CPU's value. */
export interface TestMapEntry { key: Value | null; value: Value; perCpu?: Value[] }

export interface TestMap {
  entries(): Promise<TestMapEntry[]>;
  set(key: Value, value: Value): Promise<void>;
}

export interface TestRunResult {
  /** The program's return value, unsigned (compare with XdpVerdict, TcVerdict or SocketVerdict). */
  verdict: number;
  /** The packet as the program left it. */
  packet: Buffer;
}

export interface TestProgram {
  readonly manifest: Manifest;
  /** The object's program names. */
  readonly programs: string[];
  /** Runs one packet through a program: the one named here, else the one loadProgram named, else the object's only one. */
  run(packet: Buffer, opts?: { program?: string }): Promise<TestRunResult>;
  map(name: string): TestMap;
  /** Unloads the programs and removes the build. Idempotent. */
  close(): Promise<void>;
}

/**
 * A probe that did not build or that the kernel refused: the message is the diagnostics as tsbpf prints them
 * (file:line:col, code, the source line with a caret), e.g. a verifier rejection at the TypeScript line it quotes.
 */
export class ProbeDiagnosticError extends DiagnosticError {
  override name = "ProbeDiagnosticError";
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics);
    this.message = diagnostics.map(formatDiagnostic).join("\n");
  }
}

/** Builds a probe (.ts) into a temporary directory and loads all its programs into the kernel, ready to test. */
export async function loadProgram(probe: string, opts: { program?: string } = {}): Promise<TestProgram> {
  const dir = mkdtempSync(join(tmpdir(), "tsbpf-program-"));
  let manifest: Manifest | undefined;
  let loaded: LoadedObject | undefined;
  try {
    const built = await build(probe, { outDir: dir, kernelDecides: true });
    manifest = built.manifest;
    const programs = manifest.programs.map((p) => p.name);
    if (opts.program !== undefined) checkProgram(probe, programs, opts.program);
    loaded = await loadObject(built.objectFile, { type: kernelTypeOf(probe, manifest) });
    return testProgram(probe, manifest, programs, loaded, dir, opts.program);
  } catch (e) {
    await loaded?.close();
    rmSync(dir, { recursive: true, force: true });
    if (e instanceof DiagnosticError) throw new ProbeDiagnosticError(e.diagnostics);
    if (e instanceof BpfLoadError && manifest) throw new ProbeDiagnosticError([loadFailureDiagnostic(failureFromToolOutput(e.log), { probe: resolve(probe), manifest })]);
    throw e;
  }
}

function testProgram(probe: string, manifest: Manifest, programs: string[], obj: LoadedObject, dir: string, defaultProgram?: string): TestProgram {
  const choose = (named?: string): string => {
    const name = named ?? defaultProgram;
    if (name !== undefined) return checkProgram(probe, programs, name);
    if (programs.length === 1) return programs[0]!;
    throw new TestProgramError(`${probe} has several programs (${programs.join(", ")}): name one with { program }`);
  };
  let closed = false;
  return {
    manifest,
    programs,
    async run(packet, runOpts = {}) {
      const r = await obj.run(choose(runOpts.program), packet);
      return { verdict: r.retval >>> 0, packet: r.dataOut };
    },
    map(name) {
      const map = manifestMap(probe, manifest, name);
      return {
        async entries() {
          return (await obj.mapDump(name)).map((e) => decodeEntry(map.key, map.value, e));
        },
        async set(key, value) {
          if (!map.key) throw new TestProgramError(`map "${name}" has no keys to set`);
          await obj.mapUpdate(name, encode(map.key, key), encode(map.value, value));
        },
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await obj.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function checkProgram(probe: string, programs: string[], name: string): string {
  if (!programs.includes(name)) throw new TestProgramError(`${probe} has no program "${name}" (it has ${programs.join(", ")})`);
  return name;
}

/** The one kernel program type all of the object's programs share (bpftool loads an object's programs with one type). */
function kernelTypeOf(probe: string, manifest: Manifest): LoadOptions["type"] {
  const types = [...new Set(manifest.programs.map((p) => p.kernelType))];
  if (types.length === 0) throw new TestProgramError(`${probe} declares no programs`);
  if (types.length > 1) {
    const which = manifest.programs.map((p) => `${p.name} (${p.type})`).join(", ");
    throw new TestProgramError(`${probe} mixes program kinds (${which}), and loadProgram loads one kind per object: put each kind in a probe of its own`);
  }
  const type = types[0]!;
  if (type !== "xdp" && type !== "classifier" && type !== "socket") throw new TestProgramError(`${probe}: loadProgram cannot load programs of kernel type ${type}`);
  return type;
}

function manifestMap(probe: string, manifest: Manifest, name: string): ManifestMap {
  const map = manifest.maps.find((m) => m.name === name);
  if (!map) throw new TestProgramError(`${probe} has no map "${name}" (it has ${manifest.maps.map((m) => m.name).join(", ") || "none"})`);
  return map;
}
