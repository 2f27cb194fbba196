// Encodes and decodes map keys and values as the manifest lays them out: integers as bigints, structs as objects, arrays as arrays.
import { INTS } from "../types/int-types.js";
import type { Layout } from "../types/layout.js";

export type Value = bigint | boolean | Value[] | { [field: string]: Value };

export function decode(layout: Layout, bytes: Uint8Array, at = 0): Value {
  if (at + layout.size > bytes.length) throw new Error(`${bytes.length} bytes are too few for a ${layout.size}-byte ${layout.kind}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (layout.kind) {
    case "bool":
      return view.getUint8(at) !== 0;
    case "int": {
      const little = layout.byteOrder !== "big";
      const raw = layout.size === 8 ? view.getBigUint64(at, little) : BigInt(layout.size === 4 ? view.getUint32(at, little) : layout.size === 2 ? view.getUint16(at, little) : view.getUint8(at));
      return INTS[layout.type].signed ? BigInt.asIntN(layout.size * 8, raw) : raw;
    }
    case "array":
      return Array.from({ length: layout.length }, (_, i) => decode(layout.element, bytes, at + i * layout.element.size));
    case "struct":
      return Object.fromEntries(layout.fields.map((f) => [f.name, decode(f.layout, bytes, at + f.offset)]));
  }
}

/** A map entry as bytes (per-CPU maps: one value per CPU) decoded through its key and value layouts. */
export function decodeEntry(key: Layout | null, value: Layout, raw: { key: Uint8Array; value: Uint8Array; perCpu?: Uint8Array[] }): { key: Value | null; value: Value; perCpu?: Value[] } {
  const entry: { key: Value | null; value: Value; perCpu?: Value[] } = { key: key ? decode(key, raw.key) : null, value: decode(value, raw.value) };
  if (raw.perCpu) entry.perCpu = raw.perCpu.map((v) => decode(value, v));
  return entry;
}

export function encode(layout: Layout, value: Value): Buffer {
  const out = Buffer.alloc(layout.size);
  write(layout, value, out, 0, "value");
  return out;
}

function write(layout: Layout, value: Value, out: Buffer, at: number, path: string): void {
  switch (layout.kind) {
    case "bool":
      if (typeof value !== "boolean") throw new Error(`${path} must be true or false`);
      out.writeUInt8(value ? 1 : 0, at);
      return;
    case "int": {
      if (typeof value !== "bigint") throw new Error(`${path} must be an integer`);
      const info = INTS[layout.type];
      if (value < info.min || value > info.max) throw new Error(`${path} = ${value} does not fit in ${layout.type}`);
      const raw = BigInt.asUintN(layout.size * 8, value);
      for (let i = 0; i < layout.size; i++) {
        const byte = Number((raw >> BigInt(8 * i)) & 0xffn);
        out[at + (layout.byteOrder === "big" ? layout.size - 1 - i : i)] = byte;
      }
      return;
    }
    case "array":
      if (!Array.isArray(value) || value.length !== layout.length) throw new Error(`${path} must be an array of ${layout.length}`);
      value.forEach((v, i) => write(layout.element, v, out, at + i * layout.element.size, `${path}[${i}]`));
      return;
    case "struct": {
      if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error(`${path} must be an object with fields ${layout.fields.map((f) => f.name).join(", ")}`);
      const record = value as Record<string, Value>;
      for (const f of layout.fields) {
        if (!(f.name in record)) throw new Error(`${path} lacks field ${f.name}`);
        write(f.layout, record[f.name]!, out, at + f.offset, `${path}.${f.name}`);
      }
      return;
    }
  }
}
