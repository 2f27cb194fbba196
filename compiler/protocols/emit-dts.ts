// Generates runtime-types/packet.d.ts, the packet API users' probes are checked against, from the protocol descriptions.
import { childrenOf, PROTOCOLS } from "./index.js";
import { CURSOR_READS, CURSOR_WRITES } from "./cursor.js";
import { isWritable } from "./emit-setters.js";
import { ADDRESS_TYPES } from "./schema.js";

const WRITE_DOC = " Assigning it writes network order and keeps the checksums that cover it valid.";

const CURSOR_DTS = [
  ...Object.keys(CURSOR_READS).map((t) => `  /** The big-endian ${t} at byte offset off, in host order; a read outside the packet ends the program with its onError verdict. */\n  ${t}(off: u32): ${t};`),
  ...Object.entries(CURSOR_WRITES).map(([name, w]) => `  /** Writes value big-endian at byte offset off (no checksum is updated); outside the packet the program ends with its onError verdict. */\n  ${name}(off: u32, value: ${w.type}): void;`),
  "  /** A copy of the n bytes at offset off (n a constant); outside the packet the program ends with its onError verdict. */",
  "  bytes<N extends number>(off: u32, n: N): FixedArray<u8, N>;",
];
import type { ProtocolSpec } from "./schema.js";

const TS_TYPES = { u8: "u8", u16: "u16", u32: "u32", u64: "u64", bool: "bool", mac: "MacAddr", ipv6addr: "Ipv6Addr" } as const;

function headerInterface(p: ProtocolSpec): string {
  const lines = [`/** ${p.doc} */`, `interface ${p.tsName} {`];
  for (const f of p.fields) lines.push(`  /** ${f.doc}${isWritable(p, f) ? WRITE_DOC : ""} */`, `  ${isWritable(p, f) ? "" : "readonly "}${f.name}: ${TS_TYPES[f.type]};`);
  for (const { child, accessor, alwaysPresent } of childrenOf(p)) {
    if (accessor === "options") lines.push("  /** The header's options, between its fixed part and its end, as a cursor (empty when there are none). */", `  options(): ${child.tsName};`);
    else if (alwaysPresent) lines.push(`  /** ${child.accessorDoc}: a cursor that parses them as a new packet. */`, `  ${accessor}(): ${child.tsName};`);
    else lines.push(`  /** ${child.accessorDoc}${p.name === "cursor" ? " at this position" : " that follows"}, validated, or null. */`, `  ${accessor}(): ${child.tsName} | null;`);
  }
  if (p.name === "cursor") lines.push(...CURSOR_DTS);
  for (const child of PROTOCOLS.filter((c) => c.indexed?.parent === p.name)) {
    lines.push(`  /** ${child.accessorDoc}. */`, `  ${child.indexed!.accessor}(index: u32): ${child.tsName} | null;`);
  }
  lines.push("}");
  return lines.join("\n");
}

export function emitPacketDts(): string {
  const header = "// The packet API: header types with host-order getters and validating accessors. Generated from compiler/protocols; do not edit.";
  const addresses = Object.values(ADDRESS_TYPES).map((a) => `/** ${a.doc} */\ninterface ${a.ts} { bytes: FixedArray<u8, ${a.size}> }`);
  return [header, ...addresses, ...PROTOCOLS.map(headerInterface)].join("\n\n") + "\n";
}
