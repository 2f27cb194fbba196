// probe.manifest.json: what the object holds, for loaders and tools: programs with type, section and attach hints, maps with their layouts, config offsets.
import type { CheckFacts } from "../check/facts.js";
import type { LoweredProgram } from "../lower/program.js";
import type { ProgramKind } from "../programs/kinds.js";
import type { ConfigField } from "../object/config-patch.js";
import { INTS } from "../types/int-types.js";
import { layoutOf, type Layout } from "../types/layout.js";
import { LOG_HEADER_BYTES, LOG_MAP } from "../lower/log.js";
import { relative } from "node:path";

export interface ManifestMap {
  name: string;
  /** The tsbpf class (HashMap, LpmTrie, ...). */
  kind: string;
  /** enum bpf_map_type name and number. */
  type: string;
  typeId: number;
  maxEntries: number;
  flags: number;
  perCpu: boolean;
  /** How user space encodes keys and decodes values (null: a ring buffer has no key). */
  key: Layout | null;
  value: Layout;
  /** The declaration's line in the probe (maps are declared in the probe file), for diagnostics about the map. */
  line: number;
}

export interface ManifestConfig {
  name: string;
  /** The ELF symbol and section holding the constants, and the symbol's offset in that section. */
  symbol: string;
  section: ".rodata";
  sectionOffset: number;
  size: number;
  fields: (ConfigField & { type: string; default: string })[];
}

/** Where log.info/warn/error events come from: the ring buffer and, per call site, what the event's arguments mean. */
export interface ManifestLog {
  map: string;
  /** Bytes before the arguments in each event: u32 site, u32 reserved, u64 ktime_get_ns() timestamp. */
  headerBytes: number;
  sites: { id: number; level: "info" | "warn" | "error"; format: string; args: string[]; file: string; line: number; function: string }[];
}

export interface Manifest {
  tsbpf: 1;
  source: string;
  object: string;
  license: string;
  programs: {
    name: string;
    class: string;
    type: ProgramKind["decorator"];
    /** The kernel program type, as bpftool names it. */
    kernelType: string;
    section: string;
    symbol: string;
    attach: ProgramKind["attach"];
    line: number;
    onError: string;
  }[];
  maps: ManifestMap[];
  config: ManifestConfig[];
  log: ManifestLog | null;
}

export function buildManifest(source: string, object: string, license: string, programs: LoweredProgram[], facts: CheckFacts, probeDir: string): Manifest {
  return {
    tsbpf: 1,
    source,
    object,
    license,
    programs: programs.map((p) => ({
      name: p.name,
      class: p.className,
      type: p.kind.decorator,
      kernelType: p.kind.bpftoolType,
      section: p.section,
      symbol: p.name,
      attach: p.kind.attach,
      line: p.line,
      onError: p.onError,
    })),
    maps: [...facts.maps.values()].map((m) => ({
      name: m.name,
      kind: m.kind.name,
      type: m.kind.bpfType,
      typeId: m.kind.typeId,
      maxEntries: m.size,
      flags: m.kind.flags,
      perCpu: m.kind.perCpu,
      key: m.key ? layoutOf(facts, m.key) : null,
      value: layoutOf(facts, m.value),
      line: m.decl.getSourceFile().getLineAndCharacterOfPosition(m.decl.getStart()).line + 1,
    })),
    config: [...facts.configs.values()].map((c) => {
      const layout = layoutOf(facts, { kind: "struct", name: c.name, cName: "" }, c.fields);
      return {
        name: c.name,
        symbol: c.name,
        section: ".rodata" as const,
        sectionOffset: -1, // filled in from the object's symbol table after clang
        size: layout.size,
        fields: c.fields.map((f, i) => {
          const at = layout.kind === "struct" ? layout.fields[i]! : undefined;
          const signed = f.type.kind === "int" && INTS[f.type.name].signed;
          return { name: f.name, offset: at!.offset, size: at!.layout.size as 1 | 2 | 4 | 8, signed, type: f.type.kind === "int" ? f.type.name : "bool", default: String(f.value) };
        }),
      };
    }),
    log: facts.logSites.length
      ? {
          map: LOG_MAP,
          headerBytes: LOG_HEADER_BYTES,
          sites: facts.logSites.map((s) => ({ id: s.id, level: s.level, format: s.format, args: s.args, file: relative(probeDir, s.file), line: s.line, function: s.function })),
        }
      : null,
  };
}
