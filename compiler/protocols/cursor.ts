// The cursor: any header's payload (or any place in the packet) as a new packet that every parser accepts and raw reads address.
import { CURSOR_LENGTH } from "./expr.js";
import type { ProtocolSpec } from "./schema.js";

export const cursor: ProtocolSpec = {
  name: "cursor",
  tsName: "Cursor",
  doc: "A position in the packet: the payload of a header. Every parser accepts it, so any payload parses as a new packet; u8/u16/u32/u64(off) read big-endian values at an offset and end the program with its onError verdict when the read falls outside the packet.",
  accessorDoc: "The bytes after this header",
  minLength: 0,
  // a cursor's next_proto holds its length limit (options() ends where its header ends), TSBPF_NO_NEXT for none
  fields: [{ name: "length", type: "u32", doc: "The bytes from here to the end of the packet (or of the header, for options()).", read: { expr: CURSOR_LENGTH } }],
  carriedBy: {},
};

/** The largest offset a raw access may have: 8 KiB less one, which the verifier's packet ranges and a socket filter's frame copy both cover. */
export const CURSOR_OFFSET_MAX = 0x1fff;

/** Raw reads on a cursor: method name and width in bytes. */
export const CURSOR_READS: Record<string, 1 | 2 | 4 | 8> = { u8: 1, u16: 2, u32: 4, u64: 8 };

/** Raw writes on a cursor: method name, width in bytes and the integer type written. */
export const CURSOR_WRITES: Record<string, { width: 1 | 2 | 4 | 8; type: "u8" | "u16" | "u32" | "u64" }> = {
  setU8: { width: 1, type: "u8" },
  setU16: { width: 2, type: "u16" },
  setU32: { width: 4, type: "u32" },
  setU64: { width: 8, type: "u64" },
};
