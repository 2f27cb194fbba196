// Attaching pinned programs to interfaces and detaching them: XDP through ip link, tc through a clsact qdisc with tsbpf's own filter slot.
import { messages } from "../diagnostics/catalogue.js";
import { bpftoolJson, fail, lastLine, tool } from "./tools.js";

export type XdpMode = "native" | "skb" | "hw";
const XDP_FLAG: Record<XdpMode, string> = { native: "xdpdrv", skb: "xdpgeneric", hw: "xdpoffload" };
/** tsbpf's tc filters use this priority and handle, so unload removes only its own. */
const TC_PREF = "49";
const TC_HANDLE = "0x7e5";

interface NetInfo {
  xdp?: { devname: string; mode: string; id: number }[];
  tc?: { devname: string; kind: string; id: number; name?: string }[];
}

export async function interfaceExists(iface: string): Promise<boolean> {
  return (await tool("ip", ["link", "show", "dev", iface])).ok;
}

/** What bpftool sees attached to an interface. */
export async function attached(iface: string): Promise<NetInfo> {
  const json = (await bpftoolJson(["net", "show", "dev", iface])) as NetInfo[] | undefined;
  return json?.[0] ?? {};
}

export async function attachedXdp(iface: string): Promise<{ id: number; mode: string } | undefined> {
  return (await attached(iface)).xdp?.find((x) => x.devname === iface);
}

/** Attaches in the given mode, or natively with a fall-back to skb mode; returns the mode used. */
export async function attachXdp(iface: string, pin: string, mode: XdpMode | undefined, force: boolean): Promise<XdpMode> {
  const modes: XdpMode[] = mode ? [mode] : ["native", "skb"];
  let why = "";
  for (const m of modes) {
    const r = await tool("ip", [...(force ? ["-force"] : []), "link", "set", "dev", iface, XDP_FLAG[m], "pinned", pin]);
    if (r.ok) return m;
    why = `${m} mode: ${lastLine(r.stderr || r.stdout)}`;
  }
  fail(messages.attachFailed(iface, why));
}

export async function detachXdp(iface: string): Promise<void> {
  for (const flag of Object.values(XDP_FLAG)) await tool("ip", ["link", "set", "dev", iface, flag, "off"]);
}

export async function attachedTc(iface: string, direction: "ingress" | "egress"): Promise<{ id: number } | undefined> {
  const r = await tool("tc", ["-j", "filter", "show", "dev", iface, direction]);
  let filters: { pref?: number; options?: { handle?: string; prog?: { id: number } } }[] = [];
  try {
    filters = JSON.parse(r.stdout || "[]");
  } catch {
    return undefined;
  }
  const ours = filters.find((f) => String(f.pref) === TC_PREF && f.options?.prog);
  return ours ? { id: ours.options!.prog!.id } : undefined;
}

export async function attachTc(iface: string, pin: string, direction: "ingress" | "egress", force: boolean): Promise<void> {
  await tool("tc", ["qdisc", "add", "dev", iface, "clsact"]); // "File exists" when it is already there: fine
  if (force) await detachTc(iface, direction);
  const r = await tool("tc", ["filter", "add", "dev", iface, direction, "pref", TC_PREF, "handle", TC_HANDLE, "bpf", "direct-action", "pinned", pin]);
  if (!r.ok) fail(messages.attachFailed(iface, `tc ${direction}: ${lastLine(r.stderr || r.stdout)}`));
}

export async function detachTc(iface: string, direction: "ingress" | "egress"): Promise<void> {
  await tool("tc", ["filter", "del", "dev", iface, direction, "pref", TC_PREF, "handle", TC_HANDLE, "bpf"]);
}
