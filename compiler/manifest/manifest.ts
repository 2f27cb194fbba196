// probe.manifest.json: what the object holds, for loaders and tools (programs with type, section and attach hints).
import type { LoweredProgram } from "../lower/program.js";

export interface Manifest {
  tsbpf: 1;
  source: string;
  object: string;
  license: string;
  programs: {
    name: string;
    class: string;
    type: "xdp";
    section: string;
    symbol: string;
    attach: { kind: "xdp"; modes: string[] };
    line: number;
    onError: string;
  }[];
  maps: never[];
  config: never[];
}

export function buildManifest(source: string, object: string, license: string, programs: LoweredProgram[]): Manifest {
  return {
    tsbpf: 1,
    source,
    object,
    license,
    programs: programs.map((p) => ({
      name: p.name,
      class: p.className,
      type: p.type,
      section: p.section,
      symbol: p.name,
      attach: { kind: "xdp", modes: ["native", "skb"] },
      line: p.line,
      onError: p.onError,
    })),
    maps: [],
    config: [],
  };
}
