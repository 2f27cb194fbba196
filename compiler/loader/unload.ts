// tsbpf unload: detaches tsbpf's program from an interface, removes its pins and its record; doing it twice is not an error.
import { detachTc, detachXdp } from "./attach.js";
import { readAttachment, removeAttachment, removePins, type Attachment } from "./state.js";
import { requireRoot } from "./tools.js";

/** The attachment removed, or undefined when tsbpf had nothing on the interface. */
export async function unload(iface: string): Promise<Attachment | undefined> {
  requireRoot();
  const a = readAttachment(iface);
  if (!a) return undefined;
  if (a.kind === "xdp") await detachXdp(iface);
  else if (a.kind === "tc") await detachTc(iface, a.direction ?? "ingress");
  removePins(a.pinDir);
  removeAttachment(iface);
  return a;
}
