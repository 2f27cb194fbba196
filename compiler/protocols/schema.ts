// The declarative description of a packet header, from which the C parsers, getters and the .d.ts are generated.
import type { DescExpr } from "./expr.js";

export type FieldType = "u8" | "u16" | "u32" | "u64" | "bool" | "mac" | "ipv6addr";

/** The value types of address fields: C struct, TypeScript interface and size. */
export const ADDRESS_TYPES = {
  mac: { c: "struct tsbpf_mac", ts: "MacAddr", size: 6, doc: "A MAC address: its 6 bytes in packet order. Assigning one to a header field writes it into the packet." },
  ipv6addr: { c: "struct tsbpf_ipv6_addr", ts: "Ipv6Addr", size: 16, doc: "An IPv6 address: its 16 bytes in packet order. Assigning one to a header field writes it and fixes the checksums that cover it." },
} as const;

/** The C type of an address value the generated code keeps in memory: the struct, starting a stack slot (TSBPF_SLOT). */
export const addressSlotType = (t: "mac" | "ipv6addr") => `${ADDRESS_TYPES[t].c.replace("struct ", "")}_slot`;

/** The C type of a field's value. */
export function fieldCType(t: FieldType): string {
  return t === "mac" || t === "ipv6addr" ? ADDRESS_TYPES[t].c : t === "bool" ? "_Bool" : `__${t}`;
}

/**
 * A big-endian load of `width` bytes at byte offset `at` of the header, then `>> shift` and `& mask`.
 * `at` may be computed from other fields (GRE's key); such a read is bounds-checked on its own and gives 0 when the
 * field is absent.
 */
export interface LoadedField {
  at: number | DescExpr;
  width: 1 | 2 | 4 | 6 | 8 | 16;
  /** For a field at a computed place: whether the header has it. */
  present?: DescExpr;
  shift?: number;
  mask?: number;
}

/** A value computed from the header's other fields, its length, what follows it and its bytes (protocols/expr.ts). */
export interface DerivedField {
  expr: DescExpr;
}

export interface FieldSpec {
  name: string;
  type: FieldType;
  doc: string;
  read: LoadedField | DerivedField;
  /** A bool that is one bit of another field: assigning it sets or clears `mask` in `field`. */
  bit?: { field: string; mask: number };
}

/** A header's own 16-bit Internet checksum, which setters keep valid. */
export interface ChecksumSpec {
  /** Its offset in the header. */
  at: number;
  /** It also covers the carrier's pseudo-header (addresses), so changing those updates it (TCP, UDP, ICMPv6). */
  pseudoHeader?: boolean;
  /** 0 means "no checksum" (UDP): left at 0, and a computed 0 is written as 0xffff. */
  zeroMeansNone?: boolean;
}

export interface ProtocolSpec {
  /** Stem of the generated C names, e.g. "ipv4" gives tsbpf_parse_ipv4. */
  name: string;
  /** The interface name users see, e.g. "Ipv4". */
  tsName: string;
  doc: string;
  /** Bytes that must be inside the packet before any field is read. */
  minLength: number;
  fields: FieldSpec[];
  /** Conditions a well-formed header satisfies (equalities as `is(x, k)`); otherwise the accessor gives null. */
  validity?: { expr: DescExpr; doc: string }[];
  /** The header's full length when it varies; checked against the packet end after it is added. */
  length?: DescExpr;
  /** The largest value `length` can take (required with it): how far the verifier must allow the header's end to be. */
  maxLength?: number;
  /** A stack of tags (802.1Q/802.1ad) between the fixed part and the payload; the selector is read after them. */
  tags?: { tpids: number[]; size: number; max: number; selectorAt: number; tagSelectorAt: number };
  /** What chooses the protocol that follows; absent means nothing is parsed after this header. */
  nextSelector?: DescExpr;
  /**
   * The selector is 16 bits (an EtherType, a port), a field `{f}` or a constant: kept as its bytes lie in the packet,
   * and compared with constants swapped at compile time, so no parse swaps it at run time.
   */
  selectorInPacketOrder?: true;
  /** Reached by an indexed accessor on a parent (`eth.vlan(i)`) rather than by a selector. */
  indexed?: { parent: string; accessor: string; max: number; offset: DescExpr; count: DescExpr };
  /** Where the header's options start (they end where the header does): `options()` gives them as a cursor. */
  optionsAt?: number;
  /** The header's own checksum, if it has one. */
  checksum?: ChecksumSpec;
  /** Fields that are part of the pseudo-header its upper-layer checksums cover (IP addresses). */
  pseudoHeader?: string[];
  /** A chain of extension headers walked after the fixed part (IPv6), each found by the selector of the one before. */
  chain?: ChainSpec;
  /** Headers that carry this one, with the selector value that announces it (and the accessor's name there, when not `name`). */
  carriedBy: Record<string, number | { selector: number; accessor: string }>;
  /** How the accessor on a parent is documented, e.g. "The TCP header". */
  accessorDoc: string;
}

/**
 * Extension headers between a fixed header and its payload: at most `max` of them, each at least `minLength` bytes,
 * recognised by the selector announcing it. `length` and `next` read the extension header (extLoad); where `endsWhen`
 * holds, the chain ends after this header with nothing that can be parsed after it (a non-first fragment). A
 * malformed chain leaves the header valid with nothing after it.
 */
export interface ChainSpec {
  max: number;
  minLength: number;
  headers: { selectors: number[]; length: DescExpr; next: DescExpr; endsWhen?: DescExpr; doc: string }[];
}
