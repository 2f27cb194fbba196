// A minimal reader for ELF64 little-endian BPF objects: section headers and the symbol table, nothing more.

export interface ElfSection {
  index: number;
  name: string;
  type: number;
  flags: bigint;
  offset: number;
  size: number;
}

export interface ElfSymbol {
  name: string;
  value: number;
  size: number;
  type: number /* STT_* */;
  bind: number;
  sectionIndex: number;
  sectionName?: string;
}

export interface ElfObject {
  sections: ElfSection[];
  symbols: ElfSymbol[];
}

const EM_BPF = 247;
const ELF_HEADER_SIZE = 64;
const SECTION_HEADER_SIZE = 64;
const SYMBOL_SIZE = 24;
const SHT_SYMTAB = 2;
const SHT_STRTAB = 3;
export const SHT_NOBITS = 8;
const SHN_LORESERVE = 0xff00;
const SHN_XINDEX = 0xffff;

/** A section header with the fields the public ElfSection leaves out. */
interface RawSection extends ElfSection {
  nameOffset: number;
  link: number;
  entrySize: number;
}

function fail(why: string): never {
  throw new Error(`not a BPF ELF object: ${why}`);
}

function toNumber(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) fail(`${what} (${value}) is too large`);
  return Number(value);
}

function checkInFile(start: number, length: number, fileSize: number, what: string): void {
  if (start + length > fileSize) {
    fail(`${what} (bytes ${start} to ${start + length}) extends past the end of the ${fileSize}-byte file`);
  }
}

function readHeader(view: DataView): { sectionTableOffset: number; entrySize: number; count: number; namesIndex: number } {
  if (view.byteLength < 4 || view.getUint32(0, false) !== 0x7f454c46) fail("the file does not start with the ELF magic bytes");
  if (view.byteLength < ELF_HEADER_SIZE) fail(`the file is ${view.byteLength} bytes, too short for an ELF64 header`);
  const elfClass = view.getUint8(4);
  if (elfClass !== 2) fail(`ELF class is ${elfClass}, expected 2 (ELFCLASS64)`);
  const encoding = view.getUint8(5);
  if (encoding !== 1) fail(`data encoding is ${encoding}, expected 1 (little-endian)`);
  const machine = view.getUint16(18, true);
  if (machine !== EM_BPF) fail(`e_machine is ${machine}, expected ${EM_BPF} (EM_BPF)`);
  return {
    sectionTableOffset: toNumber(view.getBigUint64(40, true), "e_shoff"),
    entrySize: view.getUint16(58, true),
    count: view.getUint16(60, true),
    namesIndex: view.getUint16(62, true),
  };
}

function readSectionHeader(view: DataView, offset: number, index: number): RawSection {
  return {
    index,
    name: "",
    nameOffset: view.getUint32(offset, true),
    type: view.getUint32(offset + 4, true),
    flags: view.getBigUint64(offset + 8, true),
    offset: toNumber(view.getBigUint64(offset + 24, true), `offset of section ${index}`),
    size: toNumber(view.getBigUint64(offset + 32, true), `size of section ${index}`),
    link: view.getUint32(offset + 40, true),
    entrySize: toNumber(view.getBigUint64(offset + 56, true), `entry size of section ${index}`),
  };
}

function readSections(view: DataView): RawSection[] {
  const header = readHeader(view);
  if (header.sectionTableOffset === 0) return [];
  if (header.entrySize !== SECTION_HEADER_SIZE) fail(`e_shentsize is ${header.entrySize}, expected ${SECTION_HEADER_SIZE}`);
  checkInFile(header.sectionTableOffset, SECTION_HEADER_SIZE, view.byteLength, "the section header table");
  // With 0xff00 or more sections, e_shnum and e_shstrndx move into section 0's sh_size and sh_link.
  const first = readSectionHeader(view, header.sectionTableOffset, 0);
  const count = header.count === 0 ? first.size : header.count;
  const namesIndex = header.namesIndex === SHN_XINDEX ? first.link : header.namesIndex;
  checkInFile(header.sectionTableOffset, count * SECTION_HEADER_SIZE, view.byteLength, "the section header table");

  const sections: RawSection[] = [];
  for (let index = 0; index < count; index++) {
    const section = readSectionHeader(view, header.sectionTableOffset + index * SECTION_HEADER_SIZE, index);
    if (section.type !== SHT_NOBITS) checkInFile(section.offset, section.size, view.byteLength, `section ${index}`);
    sections.push(section);
  }
  if (count > 0) {
    const names = stringTable(sections, namesIndex, "e_shstrndx");
    for (const section of sections) section.name = readString(view, names, section.nameOffset);
  }
  return sections;
}

function stringTable(sections: RawSection[], index: number, referrer: string): RawSection {
  const table = sections[index];
  if (table === undefined || table.type !== SHT_STRTAB) fail(`${referrer} names section ${index}, which is not a string table`);
  return table;
}

function readString(view: DataView, table: RawSection, offset: number): string {
  if (offset >= table.size) fail(`string offset ${offset} is outside string table '${table.name || table.index}'`);
  const start = table.offset + offset;
  const end = table.offset + table.size;
  let stop = start;
  while (stop < end && view.getUint8(stop) !== 0) stop++;
  return new TextDecoder().decode(new Uint8Array(view.buffer, view.byteOffset + start, stop - start));
}

function readSymbols(view: DataView, sections: RawSection[]): ElfSymbol[] {
  const table = sections.find((section) => section.type === SHT_SYMTAB);
  if (table === undefined) return [];
  if (table.entrySize !== SYMBOL_SIZE) fail(`symbol table entry size is ${table.entrySize}, expected ${SYMBOL_SIZE}`);
  const names = stringTable(sections, table.link, `the symbol table's sh_link`);
  const symbols: ElfSymbol[] = [];
  for (let offset = table.offset; offset + SYMBOL_SIZE <= table.offset + table.size; offset += SYMBOL_SIZE) {
    const info = view.getUint8(offset + 4);
    const sectionIndex = view.getUint16(offset + 6, true);
    const symbol: ElfSymbol = {
      name: readString(view, names, view.getUint32(offset, true)),
      value: toNumber(view.getBigUint64(offset + 8, true), "a symbol value"),
      size: toNumber(view.getBigUint64(offset + 16, true), "a symbol size"),
      type: info & 0xf,
      bind: info >> 4,
      sectionIndex,
    };
    if (sectionIndex > 0 && sectionIndex < SHN_LORESERVE && sectionIndex < sections.length) {
      symbol.sectionName = sections[sectionIndex]!.name;
    }
    symbols.push(symbol);
  }
  return symbols;
}

/** Parses the section headers and symbol table of a BPF object; throws "not a BPF ELF object: …" on anything malformed. */
export function readElf(bytes: Uint8Array): ElfObject {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const raw = readSections(view);
  const symbols = readSymbols(view, raw);
  const sections = raw.map(({ index, name, type, flags, offset, size }) => ({ index, name, type, flags, offset, size }));
  return { sections, symbols };
}

/** The first symbol called `name` (and, if given, defined in the section called `sectionName`). */
export function findSymbol(elf: ElfObject, name: string, sectionName?: string): ElfSymbol | undefined {
  return elf.symbols.find(
    (symbol) => symbol.name === name && (sectionName === undefined || symbol.sectionName === sectionName),
  );
}

/** Where a symbol's bytes start in the file: its section's offset plus its (section-relative) value. */
export function symbolFileOffset(elf: ElfObject, sym: ElfSymbol): number {
  const section = sym.sectionName === undefined ? undefined : elf.sections[sym.sectionIndex];
  if (section === undefined) throw new Error(`symbol '${sym.name}' is not defined in a section of the object`);
  if (section.type === SHT_NOBITS) throw new Error(`symbol '${sym.name}' is in section '${section.name}', which has no bytes in the file`);
  return section.offset + sym.value;
}
