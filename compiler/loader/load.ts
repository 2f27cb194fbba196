// tsbpf load: build or take an object, patch its config, load it into bpffs, attach one program, record it; any failure undoes every step.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { build } from "../build.js";
import { messages } from "../diagnostics/catalogue.js";
import type { Manifest } from "../manifest/manifest.js";
import { DiagnosticError } from "../diagnostics/diagnostic.js";
import { attachedTc, attachedXdp, attachTc, attachXdp, detachTc, detachXdp, interfaceExists, type XdpMode } from "./attach.js";
import { applySets, parseSets } from "./config-values.js";
import { failureFromToolOutput, loadFailureDiagnostic } from "./load-failure.js";
import { BPFFS, pinDirFor, programPin, readAttachment, removeAttachment, removePins, writeAttachment, type Attachment } from "./state.js";
import { bpftoolJson, fail, lastLine, requireRoot, tool } from "./tools.js";
import { unload } from "./unload.js";

export interface LoadOptions {
  iface: string;
  program?: string;
  mode?: XdpMode;
  direction?: "ingress" | "egress";
  /** `name=value` for config() constants. */
  set?: string[];
  /** Replace whatever is attached (tsbpf's own load or another XDP program). */
  force?: boolean;
}

/** For tests: a step after which load pretends to fail, to show it undoes what it did. */
const failAfter = () => process.env.TSBPF_FAIL_AFTER;
function injected(step: string): void {
  if (failAfter() === step) throw new Error(`injected failure after ${step} (TSBPF_FAIL_AFTER)`);
}

export async function load(path: string, opts: LoadOptions): Promise<Attachment> {
  requireRoot();
  await tool("bpftool", ["version"]);
  if (!(await interfaceExists(opts.iface))) fail(messages.noSuchInterface(opts.iface));
  const work = mkdtempSync(join(tmpdir(), "tsbpf-load-"));
  try {
    const { object, manifest, probe } = await objectFor(path, work); // the object loaded; `path` is what the user named
    const program = chooseProgram(manifest, opts.program);
    const sets = parseSets(manifest, opts.set ?? []);
    const patched = join(work, "patched.bpf.o");
    writeFileSync(patched, applySets(readFileSync(object), manifest, sets));
    await checkFree(opts, program.type as "xdp" | "tc");
    await ensureBpffs();
    const config = Object.fromEntries((opts.set ?? []).map((s) => s.split("=") as [string, string]));
    return await loadAndAttach({ object: patched, manifest, program, probe, source: path, config }, opts);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A .ts probe is built (with libbpf's section names, so each program's type comes from its section); an object needs its manifest beside it. */
async function objectFor(path: string, work: string): Promise<{ object: string; manifest: Manifest; probe?: string }> {
  if (path.endsWith(".ts")) {
    const built = await build(path, { outDir: work, sections: "libbpf", kernelDecides: true });
    return { object: built.objectFile, manifest: built.manifest, probe: resolve(path) };
  }
  const manifestFile = join(dirname(path), `${basename(path).replace(/\.bpf\.o$|\.o$/, "")}.manifest.json`);
  if (!existsSync(path)) fail(messages.fileNotFound(path));
  if (!existsSync(manifestFile)) fail(messages.loadFailed(`${path} has no manifest beside it (${manifestFile}); load the .ts probe, or keep tsbpf build's outputs together`));
  return { object: path, manifest: JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest };
}

function chooseProgram(manifest: Manifest, name: string | undefined): Manifest["programs"][number] {
  const attachable = manifest.programs.filter((p) => p.type === "xdp" || p.type === "tc");
  const list = manifest.programs.map((p) => `${p.name} (${p.type})`).join(", ");
  if (name) {
    const p = manifest.programs.find((x) => x.name === name);
    if (!p) fail(messages.noSuchProgram(name, list));
    if (p.type !== "xdp" && p.type !== "tc") fail(messages.attachFailed("an interface", `${name} is a ${p.type} program, which attaches to sockets, not interfaces`));
    return p;
  }
  if (attachable.length !== 1) fail(messages.noSuchProgram("(none given with --prog)", list));
  return attachable[0]!;
}

/** Refuses to replace an attached program without --force (and with it, unloads tsbpf's previous one). */
async function checkFree(opts: LoadOptions, kind: "xdp" | "tc"): Promise<void> {
  const previous = readAttachment(opts.iface);
  if (previous && !opts.force) fail(messages.alreadyAttached(opts.iface, `tsbpf's program '${previous.program}'`));
  if (previous) await unload(opts.iface);
  if (kind === "xdp") {
    const other = await attachedXdp(opts.iface);
    if (other && !opts.force) fail(messages.alreadyAttached(opts.iface, `an XDP program (id ${other.id})`));
  } else {
    const other = await attachedTc(opts.iface, opts.direction ?? "ingress");
    if (other && !opts.force) fail(messages.alreadyAttached(opts.iface, `a tc program in tsbpf's slot (id ${other.id})`));
  }
}

async function ensureBpffs(): Promise<void> {
  const mounts = readFileSync("/proc/self/mounts", "utf8");
  if (mounts.split("\n").some((l) => l.split(" ")[1] === BPFFS && l.split(" ")[2] === "bpf")) return;
  const r = await tool("mount", ["-t", "bpf", "bpf", BPFFS]);
  if (!r.ok) fail(messages.loadFailed(`cannot mount bpffs at ${BPFFS}: ${lastLine(r.stderr)}`));
}

/** What load() has prepared: the patched object to load, and what the record says about it. */
interface Prepared {
  object: string;
  manifest: Manifest;
  program: Manifest["programs"][number];
  /** The .ts probe, for locating verifier complaints and map declarations; absent for a prebuilt object. */
  probe?: string;
  /** What the user named (the .ts or the .bpf.o), and the --set values as given. */
  source: string;
  config: Record<string, string>;
}

async function loadAndAttach({ object, manifest, program, probe, source, config }: Prepared, opts: LoadOptions): Promise<Attachment> {
  const pinDir = pinDirFor(opts.iface);
  const kind = program.type as "xdp" | "tc";
  let attachedNow = false;
  const undo = async () => {
    if (attachedNow) await (kind === "xdp" ? detachXdp(opts.iface) : detachTc(opts.iface, opts.direction ?? "ingress"));
    removePins(pinDir);
    removeAttachment(opts.iface);
  };
  try {
    rmSync(pinDir, { recursive: true, force: true });
    mkdirSync(pinDir, { recursive: true });
    const libbpfSections = manifest.programs.every((p) => !p.section.includes("/"));
    const type = libbpfSections ? [] : ["type", uniformType(manifest)];
    const r = await tool("bpftool", ["prog", "loadall", object, join(pinDir, "progs"), ...type, "pinmaps", join(pinDir, "maps")]);
    if (!r.ok) throw new DiagnosticError([loadFailureDiagnostic(failureFromToolOutput(`${r.stderr}\n${r.stdout}`), { probe, manifest })]);
    injected("load");
    const pin = programPin({ pinDir }, program.name);
    let mode: XdpMode | undefined;
    if (kind === "xdp") mode = await attachXdp(opts.iface, pin, opts.mode, !!opts.force);
    else await attachTc(opts.iface, pin, opts.direction ?? "ingress", !!opts.force);
    attachedNow = true;
    injected("attach");
    const info = (await bpftoolJson(["prog", "show", "pinned", pin])) as { id?: number } | undefined;
    const attachment: Attachment = {
      iface: opts.iface, program: program.name, kind, mode, direction: kind === "tc" ? (opts.direction ?? "ingress") : undefined,
      id: info?.id ?? 0, object: resolve(source), pinDir, manifest, config, loadedAt: new Date().toISOString(),
    };
    writeAttachment(attachment);
    injected("record");
    return attachment;
  } catch (e) {
    await undo();
    throw e;
  }
}

/** An object with tsbpf's section names loads with one program type for all: refuse a mix. */
function uniformType(manifest: Manifest): string {
  const types = [...new Set(manifest.programs.map((p) => p.kernelType))];
  if (types.length !== 1) fail(messages.loadFailed(`this object mixes ${types.join(" and ")} programs under tsbpf section names; rebuild it with --sections libbpf (or load the .ts probe)`));
  return types[0]!;
}
