// Load-time constants: overwrite fields of a config variable in a BPF object's .rodata, returning a patched copy.
import { findSymbol, readElf, symbolFileOffset } from "./elf.js";

export interface ConfigField {
  name: string;
  /** Byte offset from the start of the config variable. */
  offset: number;
  size: 1 | 2 | 4 | 8;
  signed: boolean;
}

export interface ConfigVariable {
  symbol: string;
  section: string /* ".rodata" */;
  fields: ConfigField[];
}

/** The inclusive range of values a field can hold. */
function fieldRange(field: ConfigField): { min: bigint; max: bigint } {
  const bits = BigInt(field.size * 8);
  if (field.signed) return { min: -(1n << (bits - 1n)), max: (1n << (bits - 1n)) - 1n };
  return { min: 0n, max: (1n << bits) - 1n };
}

function describeType(field: ConfigField): string {
  return `${field.signed ? "signed" : "unsigned"} ${field.size * 8}-bit`;
}

function checkValue(variable: ConfigVariable, field: ConfigField, value: unknown): bigint {
  if (typeof value !== "bigint") {
    throw new Error(`the value for config field '${field.name}' of '${variable.symbol}' must be a bigint, got ${typeof value}`);
  }
  const { min, max } = fieldRange(field);
  if (value < min || value > max) {
    throw new Error(
      `value ${value} is out of range for config field '${field.name}' of '${variable.symbol}' (${describeType(field)}: ${min} to ${max})`,
    );
  }
  return value;
}

function checkLayout(variable: ConfigVariable, field: ConfigField, symbolSize: number): void {
  if (![1, 2, 4, 8].includes(field.size)) {
    throw new Error(`config field '${field.name}' of '${variable.symbol}' has size ${field.size}; sizes are 1, 2, 4 or 8 bytes`);
  }
  if (!Number.isInteger(field.offset) || field.offset < 0 || field.offset + field.size > symbolSize) {
    throw new Error(
      `config field '${field.name}' (bytes ${field.offset} to ${field.offset + field.size}) lies outside '${variable.symbol}', which is ${symbolSize} bytes`,
    );
  }
}

function writeLittleEndian(bytes: Uint8Array, at: number, size: number, value: bigint): void {
  let remaining = BigInt.asUintN(size * 8, value);
  for (let i = 0; i < size; i++) {
    bytes[at + i] = Number(remaining & 0xffn);
    remaining >>= 8n;
  }
}

/**
 * Returns a copy of `object` with each field named in `values` overwritten (little-endian) inside the config
 * variable; fields not named keep their compiled-in value. Throws on unknown fields, out-of-range values,
 * a missing symbol, a symbol in the wrong section, or a field that does not fit inside the symbol.
 */
export function patchConfig(object: Uint8Array, variable: ConfigVariable, values: Record<string, bigint>): Uint8Array {
  const fieldsByName = new Map(variable.fields.map((field) => [field.name, field]));
  const writes: { field: ConfigField; value: bigint }[] = [];
  for (const [name, value] of Object.entries(values)) {
    const field = fieldsByName.get(name);
    if (field === undefined) {
      const known = variable.fields.map((f) => f.name).join(", ") || "(none)";
      throw new Error(`unknown config field '${name}' for '${variable.symbol}'; known fields: ${known}`);
    }
    writes.push({ field, value: checkValue(variable, field, value) });
  }

  const elf = readElf(object);
  const symbol = findSymbol(elf, variable.symbol, variable.section) ?? findSymbol(elf, variable.symbol);
  if (symbol === undefined) throw new Error(`config symbol '${variable.symbol}' is not in the object's symbol table`);
  if (symbol.sectionName !== variable.section) {
    const actual = symbol.sectionName === undefined ? "no section" : `section '${symbol.sectionName}'`;
    throw new Error(`config symbol '${variable.symbol}' is in ${actual}, not in '${variable.section}'`);
  }
  const start = symbolFileOffset(elf, symbol);
  const section = elf.sections[symbol.sectionIndex]!;
  if (symbol.value + symbol.size > section.size) {
    throw new Error(`config symbol '${variable.symbol}' extends past the end of section '${section.name}'`);
  }

  for (const field of variable.fields) checkLayout(variable, field, symbol.size);

  const patched = object.slice();
  for (const { field, value } of writes) {
    writeLittleEndian(patched, start + field.offset, field.size, value);
  }
  return patched;
}
