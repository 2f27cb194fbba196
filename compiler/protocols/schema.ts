// The declarative description of a packet header, from which the C parsers, getters and the .d.ts are generated.

export type FieldType = "u8" | "u16" | "u32" | "u64" | "bool";

/** A big-endian load of `width` bytes at byte offset `at` of the header, then `>> shift` and `& mask`. */
export interface LoadedField {
  at: number;
  width: 1 | 2 | 4 | 8;
  shift?: number;
  mask?: number;
}

/**
 * A value computed by a C expression in which `{field}` names another field of the same header,
 * `{length}` is the header's length in bytes and `{nextProto}` the selector of the following header.
 */
export interface DerivedField {
  expr: string;
}

export interface FieldSpec {
  name: string;
  type: FieldType;
  doc: string;
  read: LoadedField | DerivedField;
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
  /** Conditions a well-formed header satisfies (C over `{field}`); otherwise the accessor gives null. */
  validity?: { expr: string; doc: string }[];
  /** The header's full length when it varies (C over `{field}`); checked against the packet end after it is added. */
  length?: string;
  /** A stack of tags (802.1Q/802.1ad) between the fixed part and the payload; the selector is read after them. */
  tags?: { tpids: number[]; size: number; max: number; selectorAt: number; tagSelectorAt: number };
  /** C over `{field}` choosing the protocol that follows; absent means nothing is parsed after this header. */
  nextSelector?: string;
  /** Headers that carry this one, with the selector value that announces it. */
  carriedBy: Record<string, number>;
  /** How the accessor on a parent is documented, e.g. "The TCP header". */
  accessorDoc: string;
}
