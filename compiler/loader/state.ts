// What tsbpf has loaded: one record per interface (in /run/tsbpf, or $TSBPF_STATE_DIR), and where its pins live in bpffs.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { Manifest } from "../manifest/manifest.js";

export const BPFFS = "/sys/fs/bpf";

export interface Attachment {
  iface: string;
  program: string;
  kind: "xdp" | "tc" | "socketFilter";
  /** XDP: the mode used; tc: the direction. */
  mode?: "native" | "skb" | "hw";
  direction?: "ingress" | "egress";
  /** The kernel's program id. */
  id: number;
  object: string;
  pinDir: string;
  manifest: Manifest;
  config: Record<string, string>;
  loadedAt: string;
}

export const stateDir = () => process.env.TSBPF_STATE_DIR ?? "/run/tsbpf";
export const pinDirFor = (iface: string) => join(BPFFS, "tsbpf", iface);
/** Removes an interface's pins, and tsbpf's directory in bpffs when no other interface has pins there. */
export function removePins(pinDir: string): void {
  rmSync(pinDir, { recursive: true, force: true });
  const parent = dirname(pinDir);
  try {
    if (basename(parent) === "tsbpf" && readdirSync(parent).length === 0) rmdirSync(parent);
  } catch {
    // gone already, or another load made it again: either way nothing of this one is left
  }
}

export const programPin = (a: { pinDir: string }, program: string) => join(a.pinDir, "progs", program);
export const mapPin = (a: { pinDir: string }, map: string) => join(a.pinDir, "maps", map);

const file = (iface: string) => join(stateDir(), `${iface}.json`);

export function readAttachment(iface: string): Attachment | undefined {
  if (!existsSync(file(iface))) return undefined;
  return JSON.parse(readFileSync(file(iface), "utf8")) as Attachment;
}

export function writeAttachment(a: Attachment): void {
  mkdirSync(stateDir(), { recursive: true });
  writeFileSync(`${file(a.iface)}.tmp`, JSON.stringify(a, null, 2) + "\n");
  renameSync(`${file(a.iface)}.tmp`, file(a.iface));
}

export function removeAttachment(iface: string): void {
  rmSync(file(iface), { force: true });
}

export function listAttachments(): Attachment[] {
  if (!existsSync(stateDir())) return [];
  return readdirSync(stateDir())
    .filter((f) => f.endsWith(".json"))
    .map((f) => JSON.parse(readFileSync(join(stateDir(), f), "utf8")) as Attachment);
}
