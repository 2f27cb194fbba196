// Assembles the C translation unit: prelude, packet runtime, constants, helper functions and programs.
import { call, id, num, type CFunction, type CGlobal, type CStmt, type CUnit } from "../c/ast.js";
import type { TType } from "../types/types.js";
import { ts } from "ts-morph";
import { filesHaveLoops } from "./last-use.js";
import { enumConstant } from "./expressions.js";
import { ON_ERROR_LABEL } from "./intrinsics/packet.js";
import { contextRuntime, COPY_FRAME } from "./intrinsics/context-entry.js";
import { PROGRAM_KINDS, type ProgramKind } from "../programs/kinds.js";
import type { LowerInput } from "../check/index.js";
import { emitProtocolRuntime } from "../protocols/emit-c.js";
import { INTS } from "../types/int-types.js";
import { printTopLevel } from "../c/printer.js";
import { cType, intLiteral } from "./c-types.js";
import { LowerContext } from "./context.js";
import { structOrder } from "../check/structs.js";
import { prelude, helperDefinitions } from "./prelude.js";
import { lowerBlock } from "./statements.js";
import { mapDefinition } from "./maps.js";
import { logMapDefinition } from "./log.js";
import { configDefinition } from "./config.js";
import { checkLicense } from "../check/license.js";
import { BOUNDS_MOVERS, kernelHelperDeclarations } from "../helpers/kernel-helpers.js";
import { FunctionScope } from "./function-scope.js";
import { settledReturns, singleExit } from "./single-exit.js";

export interface LowerOptions {
  /** "tsbpf": sections `<kind>/<method>`; "libbpf": the canonical `xdp` or `tc`. */
  sections: "tsbpf" | "libbpf";
  license: string;
}

export interface LoweredProgram {
  name: string;
  className: string;
  kind: ProgramKind;
  section: string;
  line: number;
  onError: string;
}

/**
 * Where raw reads out of bounds go: `tsbpf_on_error: tsbpf_landing(); return <onError>;`, in programs that have raw
 * reads; their checks' asm gotos land there, in a block of their own (see tsbpf_check).
 */
function onErrorExit(checked: LowerInput, p: LowerInput["programs"][number]): CStmt[] {
  const inside = (n: ts.Node) => n.pos >= p.node.pos && n.end <= p.node.end && n.getSourceFile() === p.node.getSourceFile();
  if (![...checked.facts.usedRawReads].some(inside)) return [];
  const exit: CStmt = { k: "return", value: id(enumConstant(p.kind.action, p.onError ?? p.kind.defaultOnError)) };
  return [{ k: "label", name: ON_ERROR_LABEL, body: { k: "block", body: [{ k: "expr", expr: call("tsbpf_landing", []) }, exit] } }];
}

/**
 * Lowers one function's body in the scope its parameters give; the scope may add a prologue and hidden parameters.
 * `bail` leaves the function where it cannot start (a socket filter's frame that could not be copied).
 */
function lowerFunctionBody(lx: LowerContext, params: { cName: string; type: TType }[], bail: CStmt, lowerBody: () => CStmt[]) {
  const scope = FunctionScope.of(params);
  lx.fn = scope;
  const statements = lowerBody();
  lx.fn = undefined;
  const prologue = scope.prologue(bail);
  if (prologue.some((s) => s.k === "decl" && s.type === "struct tsbpf_frame")) {
    lx.helpers.add(COPY_FRAME);
    lx.kernelHelpers.add("map_lookup_elem").add("skb_load_bytes_relative");
  }
  if (scope.noiseIsRandom) lx.kernelHelpers.add("get_prandom_u32");
  return { statements: [...prologue, ...statements], hiddenParams: scope.hiddenParams };
}

/** The program kinds whose verdict enum some value, variable or function of the probe has. */
function usedVerdicts(checked: LowerInput): ProgramKind[] {
  const facts = checked.facts;
  const types = [...facts.types.values(), ...[...facts.bindings.values()].map((b) => b.type), ...[...facts.functions.values()].flatMap((f) => [f.returns, ...f.params])];
  return PROGRAM_KINDS.filter((k) => types.some((t) => t.kind === "enum" && t.name === k.action));
}

/**
 * TypeScript proved every path of a body with a result returns (noImplicitReturns), switches over all of an enum's
 * members included, which C cannot see: after a last statement that is not a return, the end is marked unreachable
 * (clang would warn that control reaches the end of a non-void function).
 */
function endOfBody(body: ts.Block, returns: TType): CStmt[] {
  const last = body.statements.at(-1);
  if (returns.kind === "void" || (last && ts.isReturnStatement(last))) return [];
  return [{ k: "expr", expr: call("__builtin_unreachable", []) }];
}

export function lowerProbe(checked: LowerInput, options: LowerOptions): { unit: CUnit; programs: LoweredProgram[] } {
  checkLicense(checked.facts, options.license);
  const lx = new LowerContext(checked);
  const globals: CGlobal[] = structOrder(checked.facts).filter((s) => !s.inRuntime).map((s) => ({
    k: "struct",
    tag: s.cName,
    fields: s.fields.map((f) => ({ type: cType(f.type), name: f.name, length: f.type.kind === "array" ? f.type.length : undefined })),
    at: s.builtin ? undefined : lx.at(s.decl.name),
  }));
  for (const map of checked.facts.maps.values()) globals.push({ ...mapDefinition(map), at: lx.at(map.decl) });
  if (checked.facts.logSites.length) globals.push(logMapDefinition());
  for (const cfg of checked.facts.configs.values()) globals.push(...configDefinition(cfg).map((item, i) => ({ ...item, at: i === 0 ? lx.at(cfg.decl) : undefined })));
  for (const decl of checked.constants) {
    const binding = lx.bindingOfDecl(decl)!;
    if (binding.type.kind !== "int") continue; // untyped constants are substituted
    const value = checked.facts.constantValues.get(decl)!;
    globals.push({ k: "variable", qualifiers: ["static", "const"], type: INTS[binding.type.name].c, name: binding.cName, init: intLiteral(value, binding.type.name), at: lx.at(decl) });
  }
  const functions: CFunction[] = checked.functions.map((f) => {
    const sig = checked.facts.functions.get(f)!;
    const params = f.parameters.map((p) => lx.bindingOfDecl(p)!);
    // a @noinline function that returns nothing returns 0 in C: the verifier refuses a subprogram whose r0 holds a
    // stack pointer at its exit, and clang leaves r0 as it was (seed 20261146 program 2103); the 0 is behind a barrier
    // (a constant result clang would fold into the calls and stop setting) and its calls keep it (statements.ts,
    // droppedCallResult)
    const returnsNothing = sig.linkage === "call" && sig.returns.kind === "void";
    lx.voidReturn = returnsNothing ? call("tsbpf_unfolded", [num(0)]) : undefined;
    // a function that cannot start returns the zero of its type (never at run time: the frame's buffer always exists)
    const zero: CStmt = { k: "return", value: sig.returns.kind === "void" ? lx.voidReturn : sig.returns.kind === "struct" || sig.returns.kind === "header" ? { k: "compound", type: cType(sig.returns), fields: [] } : num(0) };
    const end: CStmt[] = returnsNothing ? [{ k: "return", value: lx.voidReturn }] : [];
    const body = lowerFunctionBody(lx, params, zero, () => [...lowerBlock(lx, f.body!, sig.returns), ...endOfBody(f.body!, sig.returns), ...end]);
    lx.voidReturn = undefined;
    const returnType = returnsNothing ? "int" : cType(sig.returns);
    const scalarResult = returnsNothing || ["int", "bool", "enum"].includes(sig.returns.kind);
    return {
      name: lx.functionName(f),
      returnType,
      params: [...params.map((b) => ({ type: cType(b.type), name: b.cName })), ...body.hiddenParams],
      body: scalarResult ? singleExit(settledReturns(body.statements, returnType), returnType) : body.statements,
      qualifiers: sig.linkage === "call" ? ["static", "__attribute__((noinline))"] : ["static", "__always_inline"],
      at: lx.at(f.name!),
    };
  });
  const programs: LoweredProgram[] = [];
  for (const p of checked.programs) {
    const section = p.section ?? (options.sections === "libbpf" ? p.kind.libbpfSection : `${p.kind.sectionPrefix}/${p.name}`);
    const param = lx.bindingOfDecl(p.node.parameters[0]!)!;
    const verdict: TType = { kind: "enum", name: p.kind.action };
    const onError: CStmt = { k: "return", value: id(enumConstant(p.kind.action, p.onError ?? p.kind.defaultOnError)) };
    const body = lowerFunctionBody(lx, [param], onError, () => [...lowerBlock(lx, p.node.body!, verdict), ...endOfBody(p.node.body!, verdict), ...onErrorExit(checked, p)]);
    functions.push({
      name: p.name,
      returnType: "int",
      params: [{ type: `${p.kind.ctxC} *`, name: param.cName }],
      body: singleExit(body.statements, "int"),
      qualifiers: [],
      section,
      comment: `${p.kind.decorator.toUpperCase()} program ${p.className}.${p.name}`,
      at: lx.at(p.node.name),
    });
    programs.push({ name: p.name, className: p.className, kind: p.kind, section, line: lx.at(p.node.name).line, onError: p.onError ?? p.kind.defaultOnError });
  }
  // accessors are known once every body is lowered: they go after the globals, before the functions
  globals.push(...[...lx.accessors.values()].flat());
  const head = [
    printTopLevel([{ k: "comment", text: `Generated by tsbpf from ${lx.lineFile}: edit the TypeScript, not this file. #line directives point at ${lx.lineFile}.` }]),
    prelude(checked.programs.map((p) => p.kind), usedVerdicts(checked)),
    ...helperDefinitions(lx.helpers),
    printTopLevel(kernelHelperDeclarations(lx.kernelHelpers)),
    emitProtocolRuntime(checked.facts.usedProtocols, checked.facts.usedSetters, lx.accessorVariants, lx.swaps, boundsReadInPlace(checked, lx)),
    printTopLevel(contextRuntime(lx)),
    printTopLevel([{ k: "variable", type: "char", name: "_license", unsized: true, section: "license", init: { k: "string", value: options.license } }]),
  ].filter((part) => part !== "");
  return { unit: { prelude: head, globals, functions }, programs };
}

/**
 * Whether the packet's bounds are read where each read stands (asm volatile) rather than as a pure value clang may
 * share: in files that move the bounds (adjustHead/Tail/Meta), and in files with loops, where clang hoisted the read out
 * of a 256-trip loop and the verifier, carrying the pointers' ranges round it, walked three times as much (fuzz
 * 20261153/1112: 362,879 steps, then over 1,000,000).
 */
function boundsReadInPlace(checked: LowerInput, lx: LowerContext): boolean {
  if ([...lx.kernelHelpers].some((h) => BOUNDS_MOVERS.has(h))) return true;
  return filesHaveLoops(checked);
}
