// What lowering carries while it turns one checked probe into C: the checker's facts and the runtime pieces used.
import { basename, dirname, relative } from "node:path";
import { ts } from "ts-morph";
import type { CExpr, CTopLevel, SourceLine } from "../c/ast.js";
import type { LowerInput } from "../check/index.js";
import type { CheckFacts } from "../check/facts.js";
import type { TType } from "../types/types.js";
import type { FunctionScope } from "./function-scope.js";
import type { CheckedSpan, SpanAccess } from "./raw-runs.js";

export class LowerContext {
  /** Runtime parts the generated code uses beyond the fixed headers: "rawRead", "havoc", the frame copy, the context entries. */
  readonly helpers = new Set<string>();
  /** Kernel BPF helpers called (compiler/helpers/kernel-helpers.ts names). */
  readonly kernelHelpers = new Set<string>();
  /** Header accessor variants the calls use ("eth.ipv4|_alone_chained": protocols/emit-parsers.ts ALONE, emit-c.ts CHAINED). */
  readonly accessorVariants = new Set<string>();
  /** Header fields exchanged in place ("ipv6.saddr.daddr": lower/swaps.ts). */
  readonly swaps = new Set<string>();
  /** Generated inline functions by name (map accessors, helper bodies), defined before the probe's functions. */
  readonly accessors = new Map<string, CTopLevel[]>();
  /** The file name #line directives use: the probe's name relative to where clang runs (its own directory). */
  readonly lineFile: string;
  /** Expressions already lowered into a temporary (the receiver an optional chain tests), by node. */
  readonly substitutes = new Map<ts.Node, string>();
  /** Raw accesses checked with the run of statements they stand in, by call (lower/raw-runs.ts). */
  readonly rawSpans = new Map<ts.Node, SpanAccess>();
  /** The spans checked so far, where and how far (lower/raw-runs.ts): a later run they cover needs no check of its own. */
  readonly checkedSpans: CheckedSpan[] = [];
  private temporaries = 0;
  /** How the function being lowered reaches the packet (set for each function before its body is lowered). */
  fn?: FunctionScope;
  /** Whether the probe is small and loop-free enough for children to share their parent's pointer (lower/last-use.ts). */
  few?: boolean;
  /** What `return;` returns in the function being lowered: 0 in a @noinline function that returns nothing (lower/program.ts). */
  voidReturn?: CExpr;

  /** What check decided, frozen: the only thing lowering asks about the TypeScript. */
  readonly facts: CheckFacts;

  constructor(readonly checked: LowerInput) {
    this.facts = checked.facts;
    this.lineFile = basename(checked.probe.path);
  }

  /** The packet scope of the function being lowered. */
  get scope(): FunctionScope {
    if (!this.fn) throw new Error("internal: no function is being lowered");
    return this.fn;
  }

  /** A fresh name for a temporary of the generated code. */
  temporary(stem: string): string {
    return `tsbpf_${stem}${this.temporaries++}`;
  }

  /** The C name of a module-level helper function. */
  functionName(decl: ts.Node): string {
    const name = this.facts.functionNames.get(decl);
    if (!name) throw new Error("internal: unknown function");
    return name;
  }

  typeOf(node: ts.Node): TType {
    const t = this.facts.types.get(node);
    if (!t) throw new Error(`internal: no type recorded for '${node.getText()}'`);
    return t;
  }

  bindingOf(node: ts.Node) {
    const decl = this.facts.declarationOf(node);
    return decl ? this.facts.bindings.get(decl) : undefined;
  }

  bindingOfDecl(decl: ts.Node) {
    return this.facts.bindings.get(decl);
  }

  at(node: ts.Node): SourceLine {
    const sf = node.getSourceFile();
    const file = sf === this.checked.probe.sourceFile ? this.lineFile : relative(dirname(this.checked.probe.path), sf.fileName);
    return { file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1 };
  }
}
