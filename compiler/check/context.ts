// What the checker knows while it walks a probe: bindings, recorded types, diagnostics.
import { ts } from "ts-morph";
import type { MessageTemplate } from "../diagnostics/catalogue.js";
import { DiagnosticBag } from "../diagnostics/diagnostic.js";
import { nodeLocation } from "../frontend/location.js";
import { CNames } from "./names.js";
import type { TType } from "../types/types.js";
import type { ProgramDecorator } from "../programs/kinds.js";

export type BindingKind = "local" | "param" | "constant" | "function" | "context" | "map" | "config";

export interface Binding {
  kind: BindingKind;
  /** The identifier used in the generated C. */
  cName: string;
  type: TType;
  mutable: boolean;
}

export interface FunctionSignature {
  name: string;
  params: TType[];
  returns: TType;
  /** "call": a real BPF-to-BPF call (the function's JSDoc has @noinline); "inline": inlined into every caller. */
  linkage: "inline" | "call";
}

export class CheckContext {
  readonly diagnostics = new DiagnosticBag();
  /** The type of every checked expression. */
  readonly types = new Map<ts.Node, TType>();
  /** Variables, parameters and module constants by their declaration. */
  readonly bindings = new Map<ts.Node, Binding>();
  readonly functions = new Map<ts.Node, FunctionSignature>();
  /** Calls between module functions, for the recursion check and emission order. */
  readonly calls = new Map<ts.Node, Set<ts.Node>>();
  readonly usedProtocols = new Set<string>();
  /** The values of module-level constants. */
  readonly constantValues = new Map<ts.Node, bigint>();
  /** The probe's own structs by name. */
  readonly structs = new Map<string, import("./structs.js").StructInfo>();
  /** The probe's maps by name (their C and ELF name). */
  readonly maps = new Map<string, import("./maps.js").MapInfo>();
  /** The probe's config() objects by name. */
  readonly configs = new Map<string, import("./config.js").ConfigInfo>();
  /** log.info/warn/error call sites, numbered in order. */
  readonly logSites: import("./log.js").LogSite[] = [];
  /** Header fields assigned somewhere ("ipv4.ttl"): their setters are generated. */
  readonly usedSetters = new Set<string>();
  /** ctx.adjustHead/Tail/Meta calls in the function being checked. */
  adjustments: ts.CallExpression[] = [];
  /** Raw cursor reads (u8()..u64(), bytes()): their programs get an exit with the onError verdict. */
  readonly usedRawReads = new Set<ts.Node>();
  /** The probe's own enums by name. */
  readonly enums = new Map<string, import("./enums.js").EnumInfo>();
  /** The values loop counters take inside their loop, [lowest, highest]. */
  readonly counterRanges = new Map<ts.Node, [bigint, bigint]>();
  /** The counters of proven loops: the verifier must keep their exact values to see the loops end. */
  readonly loopCounters = new Set<ts.Node>();
  /** How many times each loop runs at most (for the estimate of the verifier's work). */
  readonly loopTrips = new Map<ts.Node, bigint>();
  /** The bounds of `for...of range()` loops. */
  readonly rangeLoops = new Map<ts.Node, import("./loops.js").RangeLoop>();
  /** For `x op= y`, the synthetic `x op y` that was checked in its place. */
  readonly compoundViews = new Map<ts.Node, ts.BinaryExpression>();
  /** C names: module-level ones unique in the file, locals unique in their function. */
  readonly names = new CNames();
  /** The C names of module-level helper functions. */
  readonly functionNames = new Map<ts.Node, string>();
  /** Per function or program body: what it uses that only some program kinds offer (redirect() is not for socket filters). */
  readonly restrictedUses = new Map<ts.Node, { node: ts.Node; what: string; kinds: readonly ProgramDecorator[] }[]>();
  /** Kernel helpers called, each with the call that needs it (the license check looks for GPL-only ones). */
  readonly kernelHelperCalls: { node: ts.Node; kernel: string; what: string }[] = [];
  /** The kind of the program whose body is being checked (undefined in helper functions). */
  currentKind: import("../programs/kinds.js").ProgramKind | undefined;
  /** The function whose body is being checked. */
  currentFunction: ts.Node | undefined;

  /** The probe and the local .ts files it imports; everything else (runtime-types/) is ambient. */
  readonly userFiles: Set<ts.SourceFile>;

  constructor(readonly checker: ts.TypeChecker, readonly sourceFile: ts.SourceFile, userFiles: ts.SourceFile[] = [sourceFile]) {
    this.userFiles = new Set(userFiles);
  }

  /** A C name for a local of the function being checked. */
  localName(name: string): string {
    return this.names.local(this.currentFunction ?? this.sourceFile, name);
  }

  /** Records a use only some program kinds offer; checkProbe reports it for each program that reaches it. */
  useRestricted(node: ts.Node, what: string, kinds: readonly ProgramDecorator[]): void {
    const body = this.currentFunction ?? this.sourceFile;
    const uses = this.restrictedUses.get(body) ?? [];
    uses.push({ node, what, kinds });
    this.restrictedUses.set(body, uses);
  }

  useKernelHelper(node: ts.Node, kernel: string, what: string): void {
    this.kernelHelperCalls.push({ node, kernel, what });
  }

  /** The user's own redundancy: reported, and the build goes on. */
  warn(node: ts.Node, template: MessageTemplate): void {
    this.diagnostics.add({ ...template, severity: "warning", location: nodeLocation(node) });
  }

  error(node: ts.Node, template: MessageTemplate): void {
    this.diagnostics.add({ ...template, severity: "error", location: nodeLocation(node) });
  }

  record(node: ts.Node, type: TType): TType {
    this.types.set(node, type);
    return type;
  }

  /** The declaration an identifier refers to, through the TypeScript checker. */
  declarationOf(node: ts.Node): ts.Declaration | undefined {
    const symbol = this.checker.getSymbolAtLocation(node);
    if (!symbol) return undefined;
    const resolved = symbol.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(symbol) : symbol;
    return resolved.valueDeclaration ?? resolved.declarations?.[0];
  }

  /** True when a declaration comes from runtime-types/ rather than the probe. */
  isAmbient(decl: ts.Node): boolean {
    return !this.userFiles.has(decl.getSourceFile());
  }
}
