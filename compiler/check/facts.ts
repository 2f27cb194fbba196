// What check hands to lowering: every decision it made, frozen, so lowering asks neither the checker nor TypeScript.
import { ts } from "ts-morph";
import type { CheckContext, Binding, FunctionSignature } from "./context.js";
import type { TType } from "../types/types.js";

/**
 * The checked probe's facts, a read-only view and complete: the type of every checked expression, the declaration every
 * identifier of the probe's files names, the value of every member of an enum the probe reads, and what each
 * declaration became (bindings, functions, maps, structs...). Built once check has finished, in collections of their
 * own (the records in them are check's, shared, not copied); check's context and TypeScript are not reachable from here.
 */
export interface CheckFacts {
  readonly types: ReadonlyMap<ts.Node, TType>;
  readonly bindings: ReadonlyMap<ts.Node, Binding>;
  readonly functions: ReadonlyMap<ts.Node, FunctionSignature>;
  readonly functionNames: ReadonlyMap<ts.Node, string>;
  readonly constantValues: ReadonlyMap<ts.Node, bigint>;
  readonly structs: CheckContext["structs"] extends Map<infer K, infer V> ? ReadonlyMap<K, V> : never;
  readonly maps: CheckContext["maps"] extends Map<infer K, infer V> ? ReadonlyMap<K, V> : never;
  readonly configs: CheckContext["configs"] extends Map<infer K, infer V> ? ReadonlyMap<K, V> : never;
  readonly enums: CheckContext["enums"] extends Map<infer K, infer V> ? ReadonlyMap<K, V> : never;
  readonly rangeLoops: CheckContext["rangeLoops"] extends Map<infer K, infer V> ? ReadonlyMap<K, V> : never;
  readonly compoundViews: ReadonlyMap<ts.Node, ts.BinaryExpression>;
  readonly logSites: readonly CheckContext["logSites"][number][];
  readonly kernelHelperCalls: readonly CheckContext["kernelHelperCalls"][number][];
  readonly usedProtocols: ReadonlySet<string>;
  readonly usedSetters: ReadonlySet<string>;
  readonly usedRawReads: ReadonlySet<ts.Node>;
  readonly loopCounters: ReadonlySet<ts.Node>;
  /** The declaration a name of the probe's files (`x`, `log.info`) refers to; undefined for one that names nothing. */
  declarationOf(node: ts.Node): ts.Declaration | undefined;
  /** Whether a declaration comes from runtime-types/ rather than the probe. */
  isAmbient(decl: ts.Node): boolean;
  /** The value of an enum member read (`IpProto.TCP`), as TypeScript computed it. */
  enumValue(node: ts.Node): number;
}

/** Freezes what check found: called once, after every body has been checked without error. */
export function freezeFacts(cx: CheckContext): CheckFacts {
  const declarations = new Map<ts.Node, ts.Declaration | undefined>();
  const enumValues = new Map<ts.Node, number>();
  // every name of the probe's files (the synthetic `x op y` of a compound assignment reuses x and y, visited here too)
  for (const file of cx.userFiles) {
    const visit = (n: ts.Node): void => {
      if (resolvable(n)) declarations.set(n, cx.declarationOf(n));
      n.forEachChild(visit);
    };
    visit(file);
  }
  for (const [node, t] of cx.types) {
    if (t.kind !== "enum" || !ts.isPropertyAccessExpression(node)) continue;
    const value = cx.checker.getConstantValue(node);
    if (typeof value === "number") enumValues.set(node, value);
  }
  const userFiles = new Set(cx.userFiles);
  const facts: CheckFacts = {
    types: new Map(cx.types),
    bindings: new Map(cx.bindings),
    functions: new Map(cx.functions),
    functionNames: new Map(cx.functionNames),
    constantValues: new Map(cx.constantValues),
    structs: new Map(cx.structs),
    maps: new Map(cx.maps),
    configs: new Map(cx.configs),
    enums: new Map(cx.enums),
    rangeLoops: new Map(cx.rangeLoops),
    compoundViews: new Map(cx.compoundViews),
    logSites: Object.freeze([...cx.logSites]),
    kernelHelperCalls: Object.freeze([...cx.kernelHelperCalls]),
    usedProtocols: new Set(cx.usedProtocols),
    usedSetters: new Set(cx.usedSetters),
    usedRawReads: new Set(cx.usedRawReads),
    loopCounters: new Set(cx.loopCounters),
    declarationOf: (node) => {
      if (!resolvable(node)) return undefined;
      if (!declarations.has(node)) throw new Error(`internal: '${node.getText()}' was not resolved by check`);
      return declarations.get(node);
    },
    isAmbient: (decl) => !userFiles.has(decl.getSourceFile()),
    enumValue: (node) => {
      const value = enumValues.get(node);
      if (value === undefined) throw new Error(`internal: no enum value recorded for '${node.getText()}'`);
      return value;
    },
  };
  return Object.freeze(facts);
}

/** The nodes TypeScript resolves to a declaration: identifiers and property accesses. */
const resolvable = (n: ts.Node): boolean => ts.isIdentifier(n) || ts.isPropertyAccessExpression(n);
