// Generates runtime-types/packet.d.ts, the packet API users' probes are checked against, from the protocol descriptions.
import { childrenOf, PROTOCOLS } from "./index.js";
import type { ProtocolSpec } from "./schema.js";

const TS_TYPES = { u8: "u8", u16: "u16", u32: "u32", u64: "u64", bool: "bool" } as const;

function headerInterface(p: ProtocolSpec): string {
  const lines = [`/** ${p.doc} */`, `interface ${p.tsName} {`];
  for (const f of p.fields) lines.push(`  /** ${f.doc} */`, `  readonly ${f.name}: ${TS_TYPES[f.type]};`);
  for (const { child, accessor } of childrenOf(p)) {
    lines.push(`  /** ${child.accessorDoc} that follows, validated, or null. */`, `  ${accessor}(): ${child.tsName} | null;`);
  }
  for (const child of PROTOCOLS.filter((c) => c.indexed?.parent === p.name)) {
    lines.push(`  /** ${child.accessorDoc}. */`, `  ${child.indexed!.accessor}(index: u32): ${child.tsName} | null;`);
  }
  lines.push("}");
  return lines.join("\n");
}

export function emitPacketDts(): string {
  const header = "// The packet API: header types with host-order getters and validating accessors. Generated from compiler/protocols; do not edit.";
  return [header, ...PROTOCOLS.map(headerInterface)].join("\n\n") + "\n";
}
