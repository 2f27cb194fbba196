// Generates the reference part of docs/packet-api.md from the protocol descriptions: every accessor, what it validates, every field.
import { ANY_SELECTOR, childrenOf, PROTOCOLS } from "./index.js";
import { isWritable } from "./emit-setters.js";
import { ADDRESS_TYPES, type ProtocolSpec } from "./schema.js";

export const DOCS_BEGIN = "<!-- reference: generated from compiler/protocols by npm run gen; do not edit below -->";
export const DOCS_END = "<!-- end of generated reference -->";

const hex = (n: number) => `0x${n.toString(16).padStart(4, "0")}`;

/** Every way to reach a protocol: `parent.accessor()` and what the parent must announce. */
function reachedBy(p: ProtocolSpec): string[] {
  const ways: string[] = [];
  if (p.name === "eth") ways.push("`ctx.eth()` (the frame's start)");
  if (p.name === "cursor") ways.push("`ctx.packet()` (the packet's start)");
  for (const parent of PROTOCOLS) {
    for (const c of childrenOf(parent)) {
      if (c.child !== p) continue;
      const receiver = parent.name === "cursor" ? "cursor" : parent.name;
      const when = c.selector === ANY_SELECTOR ? "" : ` when it announces ${parent.name === "udp" ? "destination port " + c.selector : parent.name === "ipv4" || parent.name === "ipv6" ? "protocol " + c.selector : "type " + hex(c.selector)}`;
      ways.push(`\`${receiver}.${c.accessor}()\`${when}`);
    }
  }
  if (p.indexed) ways.push(`\`${p.indexed.parent}.${p.indexed.accessor}(i)\` for i below ${p.indexed.max} and the parent's count`);
  return ways;
}

function nullWhen(p: ProtocolSpec): string[] {
  const reasons = [];
  if (p.minLength) reasons.push(`fewer than ${p.minLength} bytes remain`);
  for (const v of p.validity ?? []) reasons.push(`it fails the check "${v.doc}"`);
  if (p.length) reasons.push("its options or optional fields run past the end of the packet");
  if (p.tags) reasons.push(`a VLAN tag (up to ${p.tags.max}) is cut short`);
  return reasons;
}

function fieldType(t: string): string {
  return t in ADDRESS_TYPES ? ADDRESS_TYPES[t as keyof typeof ADDRESS_TYPES].ts : t;
}

function section(p: ProtocolSpec): string {
  const lines = [`### ${p.tsName}`, "", p.doc, "", `- Reached by: ${reachedBy(p).join("; ")}.`];
  const reasons = nullWhen(p);
  if (p.name !== "cursor") lines.push(`- Null when: ${reasons.length ? reasons.join("; ") : "never, given a header"}; or the parent is null or announces something else.`);
  if (p.name === "cursor") lines.push("- Raw access: `u8(off)`, `u16(off)`, `u32(off)`, `u64(off)`, `setU8(off, v)` to `setU64(off, v)`, `bytes(off, n)`; outside the packet the program ends with its onError verdict.");
  if (p.chain) lines.push(`- Upper-layer accessors look past up to ${p.chain.max} extension headers: ${p.chain.headers.map((h) => h.doc).join("; ")}. A truncated or longer chain leaves nothing parseable after the header.`);
  if (p.checksum) lines.push(`- Setters keep its checksum (offset ${p.checksum.at}) valid${p.checksum.pseudoHeader ? ", and address setters of the carrying IP header update it through the pseudo-header" : ""}${p.checksum.zeroMeansNone ? "; a checksum of 0 (none) stays 0, and a computed 0 is written as 0xffff" : ""}.`);
  lines.push("", "| field | type | assignable | meaning |", "| --- | --- | --- | --- |");
  for (const f of p.fields) lines.push(`| \`${f.name}\` | ${fieldType(f.type)} | ${isWritable(p, f) ? "yes" : "no"} | ${f.doc} |`);
  const children = childrenOf(p).filter((c) => !c.alwaysPresent);
  if (children.length) lines.push("", `Accessors: ${children.map((c) => `\`${c.accessor}()\``).join(", ")}${p.name === "cursor" ? "" : ", and `payload()`"}${p.optionsAt !== undefined ? "; `options()` gives the options as a cursor" : ""}.`);
  return lines.join("\n");
}

export function emitPacketReference(): string {
  return [DOCS_BEGIN, "", "## Reference", "", ...PROTOCOLS.map(section).flatMap((s) => [s, ""]), DOCS_END].join("\n") + "\n";
}

/** The document with its generated part replaced. */
export function withReference(doc: string): string {
  const start = doc.indexOf(DOCS_BEGIN);
  const head = start >= 0 ? doc.slice(0, start) : `${doc.trimEnd()}\n\n`;
  return head + emitPacketReference();
}
