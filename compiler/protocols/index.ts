// The registry of protocol descriptions and the lookups the checker and lowering use.
import { hex, type CExpr } from "../c/ast.js";
import { ethernet } from "./ethernet.js";
import { ipv4 } from "./ipv4.js";
import { ipv6 } from "./ipv6.js";
import type { FieldSpec, ProtocolSpec } from "./schema.js";
import { tcp } from "./tcp.js";
import { udp } from "./udp.js";
import { vlan } from "./vlan.js";
import { arp } from "./arp.js";
import { icmp, icmpv6 } from "./icmp.js";
import { geneve, vxlan } from "./udp-tunnels.js";
import { gre } from "./gre.js";
import { cursor } from "./cursor.js";

/** In C dependency order: a header's parser precedes the accessors that reach it, which follow all parsers. */
export const PROTOCOLS: readonly ProtocolSpec[] = [cursor, ethernet, vlan, arp, ipv4, ipv6, tcp, udp, icmp, icmpv6, vxlan, geneve, gre];

/** A child reached without a selector: every header's payload(), and every parser on a cursor. */
export const ANY_SELECTOR = -1;

export function protocolByTsName(tsName: string): ProtocolSpec | undefined {
  return PROTOCOLS.find((p) => p.tsName === tsName);
}

export function protocolByName(name: string): ProtocolSpec | undefined {
  return PROTOCOLS.find((p) => p.name === name);
}

export function fieldOf(p: ProtocolSpec, name: string): FieldSpec | undefined {
  return p.fields.find((f) => f.name === name);
}

export interface ChildAccessor {
  child: ProtocolSpec;
  selector: number;
  /** The method name on the parent: the child's name, or the carrier's own (`ipip` for IPv4 in IPv4). */
  accessor: string;
  /** True for payload() and options(): given a header, they always exist (perhaps empty). */
  alwaysPresent?: boolean;
  /** For options(): the cursor spans [pos + optionsAt, the header's end). */
  optionsAt?: number;
}

/** The headers a parent offers accessors for, e.g. ipv4 → [tcp, udp, ...], with the selector value of each. */
export function childrenOf(parent: ProtocolSpec): ChildAccessor[] {
  const payload: ChildAccessor = { child: cursor, selector: ANY_SELECTOR, accessor: "payload", alwaysPresent: true };
  if (parent === cursor) return [...PROTOCOLS.filter((c) => c !== cursor && !c.indexed).map((child) => ({ child, selector: ANY_SELECTOR, accessor: child.name }))];
  const carried = PROTOCOLS.flatMap((child) => {
    const by = child.carriedBy[parent.name];
    if (by === undefined) return [];
    return [typeof by === "number" ? { child, selector: by, accessor: child.name } : { child, selector: by.selector, accessor: by.accessor }];
  });
  const options: ChildAccessor[] = parent.optionsAt === undefined ? [] : [{ child: cursor, selector: ANY_SELECTOR, accessor: "options", alwaysPresent: true, optionsAt: parent.optionsAt }];
  return [...carried, payload, ...options];
}

/** The child a parent reaches by index (`eth.vlan(i)`), if `accessor` names one. */
export function indexedChild(parent: ProtocolSpec, accessor: string): ProtocolSpec | undefined {
  return PROTOCOLS.find((c) => c.indexed?.parent === parent.name && c.indexed.accessor === accessor);
}

/** A selector value as `parent`'s parser keeps it in next_proto: byte-swapped when the parser keeps its bytes as they lie. */
export function storedSelector(parent: ProtocolSpec, selector: number): CExpr {
  const stored = parent.selectorInPacketOrder ? ((selector & 0xff) << 8) | (selector >> 8) : selector;
  return hex(stored);
}
