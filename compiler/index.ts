// tsbpf as a library: build and check probes, load them with typed handles, and see what is loaded (import { build, load } from "tsbpf").
export { build, checkFile as check, generateC, type BuildOptions, type BuildResult } from "./build.js";
export { loadProbe as load, type LoadedProbe, type ProbeMap } from "./loader/handle.js";
export type { LoadOptions } from "./loader/load.js";
export { unload } from "./loader/unload.js";
export { status, type Status } from "./loader/status.js";
export { DiagnosticError, type Diagnostic } from "./diagnostics/diagnostic.js";
export { formatDiagnostics } from "./diagnostics/format.js";
export type { Manifest } from "./manifest/manifest.js";
export type { Value } from "./object/codec.js";
