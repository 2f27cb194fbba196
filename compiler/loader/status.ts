// tsbpf status: what tsbpf has loaded, checked against what the kernel has attached now.
import { attachedTc, attachedXdp } from "./attach.js";
import { listAttachments, mapPin, type Attachment } from "./state.js";

export interface Status {
  iface: string;
  program: string;
  kind: string;
  /** XDP mode or tc direction. */
  hook: string;
  id: number;
  /** False when the record is stale: the kernel no longer has this program there. */
  attached: boolean;
  object: string;
  loadedAt: string;
  maps: { name: string; kind: string; pin: string }[];
  config: Record<string, string>;
}

export async function status(): Promise<Status[]> {
  const out: Status[] = [];
  for (const a of listAttachments()) out.push({ ...summary(a), attached: await isAttached(a) });
  return out;
}

async function isAttached(a: Attachment): Promise<boolean> {
  const live = a.kind === "xdp" ? await attachedXdp(a.iface) : await attachedTc(a.iface, a.direction ?? "ingress");
  return live?.id === a.id;
}

function summary(a: Attachment): Omit<Status, "attached"> {
  return {
    iface: a.iface,
    program: a.program,
    kind: a.kind,
    hook: a.kind === "xdp" ? `xdp ${a.mode}` : `tc ${a.direction}`,
    id: a.id,
    object: a.object,
    loadedAt: a.loadedAt,
    maps: a.manifest.maps.map((m) => ({ name: m.name, kind: m.kind, pin: mapPin(a, m.name) })),
    config: a.config,
  };
}

export function formatStatus(list: Status[]): string {
  if (list.length === 0) return "nothing loaded by tsbpf";
  return list
    .map((s) => {
      const head = `${s.iface}: ${s.program} (${s.hook}, id ${s.id})${s.attached ? "" : " — NOT attached any more (stale record; run tsbpf unload)"}`;
      const maps = s.maps.length ? `\n  maps: ${s.maps.map((m) => `${m.name} (${m.kind})`).join(", ")}` : "";
      const cfg = Object.keys(s.config).length ? `\n  config: ${Object.entries(s.config).map(([k, v]) => `${k}=${v}`).join(", ")}` : "";
      return `${head}\n  object: ${s.object}, loaded ${s.loadedAt}${maps}${cfg}`;
    })
    .join("\n");
}
