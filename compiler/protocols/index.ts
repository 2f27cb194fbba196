// The registry of protocol descriptions and the lookups the checker and lowering use.
import { ethernet } from "./ethernet.js";
import { ipv4 } from "./ipv4.js";
import { ipv6 } from "./ipv6.js";
import type { FieldSpec, ProtocolSpec } from "./schema.js";
import { tcp } from "./tcp.js";
import { udp } from "./udp.js";

export const PROTOCOLS: readonly ProtocolSpec[] = [ethernet, ipv4, ipv6, tcp, udp];

export function protocolByTsName(tsName: string): ProtocolSpec | undefined {
  return PROTOCOLS.find((p) => p.tsName === tsName);
}

export function protocolByName(name: string): ProtocolSpec | undefined {
  return PROTOCOLS.find((p) => p.name === name);
}

export function fieldOf(p: ProtocolSpec, name: string): FieldSpec | undefined {
  return p.fields.find((f) => f.name === name);
}

/** The headers a parent offers accessors for, e.g. ipv4 → [tcp, udp], with the selector value of each. */
export function childrenOf(parent: ProtocolSpec): { child: ProtocolSpec; selector: number }[] {
  return PROTOCOLS.flatMap((child) => (parent.name in child.carriedBy ? [{ child, selector: child.carriedBy[parent.name]! }] : []));
}

/** The accessor method name for a child header, e.g. "ipv4" or "tcp". */
export function accessorName(child: ProtocolSpec): string {
  return child.name;
}
