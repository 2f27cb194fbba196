// The check stage: subset rules and tsbpf typing over a type-checked probe; returns what lowering needs.
import { ts } from "ts-morph";
import { messages } from "../diagnostics/catalogue.js";
import { DiagnosticBag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { locationOf } from "../frontend/location.js";
import type { LoadedProbe } from "../frontend/project.js";
import { CheckContext } from "./context.js";
import { collectModule, type ProgramDecl } from "./declarations.js";
import { checkBlock } from "./statements.js";
import { declareStructs } from "./structs.js";
import { findAdjustments } from "./adjustments.js";
import { StackEstimator } from "./stack.js";
import { checkBudget, CostModel, type Cost } from "./cost.js";
import { freezeFacts, type CheckFacts } from "./facts.js";

export interface CheckedProbe {
  probe: LoadedProbe;
  /** Every decision check made, frozen (lowering reads only these). */
  facts: CheckFacts;
  programs: ProgramDecl[];
  /** Helper functions, callees before callers. */
  functions: ts.FunctionDeclaration[];
  constants: ts.VariableDeclaration[];
  /** The user's own redundancy (TSBPF1056, TSBPF1057): printed, and the build goes on. */
  warnings: Diagnostic[];
  /** Each program's estimated verifier work, by program name. */
  costs: Map<string, Cost>;
  /**
   * Programs whose estimated work does not fit the verifier's limits (TSBPF1090-1092). `tsbpf check` reports them as
   * errors; a build that runs the kernel verifier lets the verifier decide instead, since the estimate errs high.
   */
  overBudget: Diagnostic[];
}

/**
 * What lowering is given: the checked probe without TypeScript's checker and project, so lowering can read only the
 * frozen facts (a CheckedProbe is one).
 */
export type LowerInput = Omit<CheckedProbe, "probe"> & { probe: Pick<LoadedProbe, "path" | "sourceFile"> };

/** Throws DiagnosticError listing every violation found. */
export function checkProbe(probe: LoadedProbe): CheckedProbe {
  const cx = new CheckContext(probe.checker, probe.sourceFile, [probe.sourceFile, ...probe.imports]);
  declareStructs(cx, [probe.sourceFile, ...probe.imports]);
  const decls = collectModule(cx, probe.sourceFile);
  for (const imported of probe.imports) {
    const more = collectModule(cx, imported, { imported: true });
    decls.functions.push(...more.functions);
    decls.constants.push(...more.constants);
  }
  for (const f of decls.functions) {
    cx.currentFunction = f;
    checkBlock(cx, f.body!, cx.functions.get(f)!.returns);
  }
  for (const p of decls.programs) {
    cx.currentFunction = p.node;
    cx.currentKind = p.kind;
    cx.adjustments = findAdjustments(p.node.body!);
    cx.calls.set(p.node, new Set());
    checkBlock(cx, p.node.body!, { kind: "enum", name: p.kind.action });
  }
  cx.currentFunction = undefined;
  cx.currentKind = undefined;
  const costs = new Map<string, Cost>();
  const overBudget = new DiagnosticBag();
  if (!cx.diagnostics.hasErrors) {
    for (const p of decls.programs) costs.set(p.name, checkBudget(overBudget, p.name, p.node, new CostModel(cx, p.kind.packet).program(p.node.body!)));
  }
  if (decls.programs.length === 0 && !cx.diagnostics.hasErrors) {
    // programs live in the file given to tsbpf; imported files hold what they share
    cx.diagnostics.add({ ...messages.noPrograms(), severity: "error", location: locationOf(probe.sourceFile, 0, 1) });
  }
  const functions = orderFunctions(cx, decls.functions);
  for (const p of decls.programs) checkRestrictedUses(cx, p);
  if (!cx.diagnostics.hasErrors) new StackEstimator(cx).check(decls.programs, functions);
  cx.diagnostics.throwIfErrors();
  return { probe, facts: freezeFacts(cx), programs: decls.programs, functions, constants: decls.constants, warnings: cx.diagnostics.warnings, costs, overBudget: overBudget.items };
}

/** Reports what a program uses, in its body or any function it calls, that its kind's kernel does not offer. */
function checkRestrictedUses(cx: CheckContext, program: ProgramDecl): void {
  const seen = new Set<ts.Node>();
  const visit = (body: ts.Node): void => {
    if (seen.has(body)) return;
    seen.add(body);
    for (const use of cx.restrictedUses.get(body) ?? []) {
      if (!use.kinds.includes(program.kind.decorator)) cx.error(use.node, messages.notInKind(use.what, `@${program.kind.decorator}`, program.name, use.kinds.map((k) => `@${k}`).join(", ")));
    }
    for (const callee of cx.calls.get(body) ?? []) visit(callee);
  };
  visit(program.node);
}

/** Orders helpers so every callee precedes its callers, reporting any cycle as recursion. */
function orderFunctions(cx: CheckContext, functions: ts.FunctionDeclaration[]): ts.FunctionDeclaration[] {
  const order: ts.FunctionDeclaration[] = [];
  const state = new Map<ts.Node, "visiting" | "done">();
  const visit = (f: ts.FunctionDeclaration, path: ts.FunctionDeclaration[]): void => {
    if (state.get(f) === "done") return;
    if (state.get(f) === "visiting") {
      const cycle = [...path.slice(path.indexOf(f)), f].map((x) => x.name!.text).join(" → ");
      cx.error(f.name!, messages.recursion(cycle));
      return;
    }
    state.set(f, "visiting");
    for (const callee of cx.calls.get(f) ?? []) visit(callee as ts.FunctionDeclaration, [...path, f]);
    state.set(f, "done");
    order.push(f);
  };
  for (const f of functions) visit(f, []);
  return order;
}
