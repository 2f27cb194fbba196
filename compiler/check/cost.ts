// The kernel verifier's work on a program, estimated from its source: the steps it will walk, the branches it keeps pending, the code's size.
import { ts } from "ts-morph";
import { CURSOR_READS, CURSOR_WRITES } from "../protocols/cursor.js";
import { protocolByTsName } from "../protocols/index.js";
import { isAssigned, isLoop, unparen, unwrap } from "./syntax.js";
import { parsedAlone } from "./header-alone.js";
import { pathGrowth } from "./loop-paths.js";
import type { CheckContext } from "./context.js";
import { messages, type MessageTemplate } from "../diagnostics/catalogue.js";
import type { DiagnosticBag } from "../diagnostics/diagnostic.js";
import { nodeLocation } from "../frontend/location.js";

/**
 * What one execution of a construct costs the verifier (instructions it processes), measured on this code generator's
 * output and rounded up. Headers are parsed once per accessor call; IPv6 walks its extension headers.
 */
export const STEP_COSTS = {
  /** A header parse (ctx.eth(), ip.udp(), ...), by protocol; others cost `parse`. */
  parse: 70,
  parseByProtocol: { ipv6: 1100, eth: 90, gre: 90, geneve: 90, tcp: 80, ipv4: 80 } as Record<string, number>,
  /** payload(), options(), ctx.packet(): a cursor, no check. */
  cursor: 4,
  fieldRead: 6,
  fieldWrite: 45,
  rawAccess: 16,
  mapCall: 40,
  helperCall: 12,
  logCall: 40,
  adjust: 20,
  /** An operator, a comparison, a conversion, an assignment. */
  operation: 2,
  branch: 3,
  loopIteration: 6,
  /** Programs that read a copy of the frame (socket filters): copying it in, and each parse or raw access through it, costs more. */
  copyPrologue: 240,
  copyFactor: 1.9,
  /** A header parse in a loop from a header declared outside it: its paths are walked apart on every trip. */
  parseInLoopFactor: 4,
  /**
   * Any other header parse in a loop (from the context, or from a header of the same trip): the states its failed
   * checks leave walk on to the trip's end apart (measured over 8 to 256 trips: IPv4 2.2, IPv6 with its extension
   * walk 2.8 times what the parse costs outside loops).
   */
  parseInLoopFreshFactor: 3,
};

/**
 * An address write in a loop body that keeps the carried TCP, UDP or ICMPv6 checksum through the pseudo-header: the
 * setter branches on which of them follows, and each branch's state walks on through the later iterations: trips²
 * times this (measured over 16 and 64 trips: IPv6 70, IPv4 33 to 36; other field writes grow with the trips, not
 * their square). A header parse no longer does: its failures meet in one block, so an absent header leaves one state,
 * and its trips cost what test/kernel/verifier-states.test.ts measures, in proportion to the trips.
 */
const PSEUDO_HEADER_WRITE_IN_LOOP_SQUARED: Record<string, number> = { ipv6: 100, ipv4: 50 };

/** Conditional jumps of one execution of a construct (the verifier keeps the other side of each pending). */
const JUMPS = { parse: 8, parseIpv6: 12, rawAccess: 3, mapCall: 2, branch: 1, fieldWrite: 3 };
/** Instructions of one copy of a construct in the object (for the code's size). */
const SIZE = { parse: 25, parseIpv6: 100, field: 3, fieldWrite: 25, rawAccess: 12, call: 12, operation: 2 };

export interface Cost {
  /** Instructions the verifier processes. */
  steps: number;
  /** Conditional jumps on the longest path (pending branches). */
  jumps: number;
  /** Instructions in the object. */
  size: number;
  /** The statement or expression that costs the most steps, and what it is, for a diagnostic. */
  costliest?: { node: ts.Node; steps: number; why: string; /** For a loop nest: each loop's trips, outermost first. */ loopTrips?: number[]; /** For a loop: what its body costs most for. */ inside?: string };
}

const ZERO: Cost = { steps: 0, jumps: 0, size: 0 };

function add(a: Cost, b: Cost): Cost {
  const costliest = !a.costliest || (b.costliest && b.costliest.steps > a.costliest.steps) ? b.costliest : a.costliest;
  return { steps: a.steps + b.steps, jumps: a.jumps + b.jumps, size: a.size + b.size, costliest };
}

function scale(c: Cost, by: number, sizeBy = 1): Cost {
  return { steps: c.steps * by, jumps: c.jumps * by, size: c.size * sizeBy, costliest: c.costliest && { ...c.costliest, steps: c.costliest.steps * by } };
}

/** The longer-path of two alternatives (both are walked; only one is pending at a time). */
function either(a: Cost, b: Cost): Cost {
  const both = add(a, b);
  return { ...both, jumps: Math.max(a.jumps, b.jumps) };
}

/** Instructions up to which clang unrolls a loop whole (its full-unroll threshold, with room). */
const UNROLLED_SIZE = 600;

const unit = (steps: number, jumps = 0, size = steps): Cost => ({ steps, jumps, size });

/** Estimates the verifier's work for one function or program body. Function bodies called from it are counted per call. */
export class CostModel {
  /** Function costs, outside loops and inside them (where parses cost more). */
  private readonly functionCosts = [new Map<ts.Node, Cost>(), new Map<ts.Node, Cost>()];

  /** `packet` is how the program reaches packet bytes (programs/kinds.ts): a copied frame costs more to read. */
  constructor(
    private readonly cx: CheckContext,
    private readonly packet: "direct" | "copy" = "direct",
  ) {}

  /** A program's whole body. */
  program(block: ts.Block): Cost {
    return this.packet === "copy" ? add(unit(STEP_COSTS.copyPrologue), this.body(block)) : this.body(block);
  }

  body(block: ts.Block): Cost {
    return this.statements(block.statements);
  }

  /** What reading the packet costs: more through a copied frame. */
  private packetCost(steps: number): number {
    return this.packet === "copy" ? steps * STEP_COSTS.copyFactor : steps;
  }

  /**
   * Statements in order. The verifier walks what follows a statement once per distinct state the statement leaves:
   * a header or map value that may be missing leaves two (there, or not), until its last use or a test that ends one
   * of them (`if (!h) return ...`); so does a header or map value assigned in a branch. (Scalars assigned in branches
   * leave one: lowering makes them unknown to the verifier where the paths meet, see lower/havoc.ts.)
   */
  private statements(list: readonly ts.Statement[]): Cost {
    let total = ZERO;
    const factors: { until: number; by: number; decl?: ts.Node }[] = [];
    list.forEach((s, i) => {
      const active = factors.filter((f) => i <= f.until);
      const multiplier = active.reduce((m, f) => m * f.by, 1);
      const cost = scale(this.statement(s), multiplier, 1);
      cost.costliest ??= { node: s, steps: cost.steps, why: "this statement" };
      if (multiplier > 1 && cost.costliest) {
        const names = [...new Set(active.map((f) => (f.decl as ts.VariableDeclaration).name?.getText()).filter(Boolean))];
        const shown = names.length > 3 ? `${names.slice(0, 3).join(", ")} and ${names.length - 3} more` : names.join(", ");
        cost.costliest = { ...cost.costliest, why: `${cost.costliest.why}, walked once for each of the ${round(multiplier)} states that earlier branches and maybe-missing values leave (${shown})` };
      }
      total = add(total, cost);
      for (const f of factors) if (f.decl && i <= f.until && endsAbsence(this.cx, s, f.decl)) f.until = i;
      for (const f of this.statesLeft(s)) factors.push({ ...f, until: lastUse(this.cx, list, i, f.decl) });
    });
    return total;
  }

  /** The variables a statement leaves with more than one verifier state, and how many. */
  private statesLeft(s: ts.Statement): { by: number; decl: ts.Node }[] {
    const out: { by: number; decl: ts.Node }[] = [];
    if (ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) {
        const t = this.cx.bindings.get(d)?.type;
        if ((t?.kind === "header" || t?.kind === "ref") && t.nullable) out.push({ by: 2, decl: d });
      }
    }
    if (ts.isIfStatement(s) || ts.isSwitchStatement(s) || isLoop(s)) {
      for (const decl of assignedIn(this.cx, s)) {
        const t = this.cx.bindings.get(decl)?.type;
        if (t?.kind === "header" || t?.kind === "ref") out.push({ by: 2, decl });
      }
    }
    return out;
  }

  private statement(s: ts.Statement): Cost {
    if (ts.isBlock(s)) return this.statements(s.statements);
    if (ts.isVariableStatement(s)) return s.declarationList.declarations.reduce((c, d) => add(c, d.initializer ? add(this.expr(d.initializer), unit(STEP_COSTS.operation)) : ZERO), ZERO);
    if (ts.isExpressionStatement(s)) return this.expr(s.expression);
    if (ts.isReturnStatement(s)) return s.expression ? add(this.expr(s.expression), unit(1)) : unit(1);
    if (ts.isIfStatement(s)) {
      const test = add(this.expr(s.expression), unit(STEP_COSTS.branch, JUMPS.branch));
      return add(test, either(this.statement(s.thenStatement), s.elseStatement ? this.statement(s.elseStatement) : ZERO));
    }
    if (ts.isSwitchStatement(s)) {
      const cases = s.caseBlock.clauses.map((c) => add(unit(STEP_COSTS.branch, JUMPS.branch), this.statements(c.statements)));
      return add(this.expr(s.expression), cases.reduce(either, ZERO));
    }
    if (ts.isForStatement(s) || ts.isForOfStatement(s) || ts.isWhileStatement(s)) return this.loop(s);
    return ZERO;
  }

  private loop(s: ts.ForStatement | ts.ForOfStatement | ts.WhileStatement): Cost {
    const trips = Number(this.cx.loopTrips.get(s) ?? 1n);
    // a header or map value the body assigns but declared outside enters later iterations in a state of each kind
    const carried = [...assignedIn(this.cx, s.statement)].filter((d) => !(d.pos >= s.pos && d.end <= s.end) && ["header", "ref"].includes(this.cx.bindings.get(d)?.type.kind ?? "")).length;
    this.boundaries.push(s.statement);
    const body = this.statement(s.statement);
    this.boundaries.pop();
    const once = scale(add(body, unit(STEP_COSTS.loopIteration, JUMPS.branch)), 2 ** carried);
    // clang unrolls a loop whose unrolled body stays small: count it as often in the size then
    const walked = scale(once, trips, once.size * trips <= UNROLLED_SIZE ? trips : 1);
    // the paths through the body multiply the walks, not the branches pending on one path
    const growth = pathGrowth(this.cx, s.statement, trips);
    const squared = this.pseudoHeaderWritesCarriedOn(s.statement) * trips * trips;
    const steps = walked.steps * growth + squared;
    const cost = { ...walked, steps, costliest: walked.costliest && { ...walked.costliest, steps: walked.costliest.steps * growth + squared } };
    // a loop directly holding the costliest loop: one nest, whose trips multiply
    const inner = once.costliest;
    const nested = inner?.loopTrips && ts.isBlock(s.statement) ? s.statement.statements.includes(inner.node as ts.Statement) : inner?.node === s.statement;
    const loopTrips = nested ? [trips, ...inner!.loopTrips!] : [trips];
    const runs = loopTrips.reduce((a, b) => a * b, 1);
    const what = nested ? inner!.inside : inner?.why;
    const head = loopTrips.length > 1 ? `this loop nest runs its body ${round(runs)} times (${loopTrips.join(" × ")})` : `this loop runs ${round(runs)} time${runs === 1 ? "" : "s"}`;
    return { ...cost, costliest: { node: s, steps: cost.steps, why: `${head}${what ? `, ${what} each time` : ""}`, loopTrips, inside: what } };
  }

  /**
   * The bodies of the loops around what is being estimated, innermost last (and a function's body, when it is called
   * in a loop): a header declared outside the innermost is the same state on every trip.
   */
  private readonly boundaries: ts.Node[] = [];

  /**
   * Whether a parse in a loop starts from a header declared outside the loop's body (directly, or through variables of
   * the body): its paths are then walked apart on every trip, about four times a parse's walk, where a chain from the
   * context (`ctx.eth()?.ipv4()`) costs what it does outside loops (measured: IPv4 from an outer header 424 steps a
   * trip against 100, from the context 222 against 170).
   */
  private fromOuterHeader(parse: ts.CallExpression, boundary = this.boundaries[this.boundaries.length - 1]): boolean {
    if (!boundary) return false;
    let root: ts.Expression = parse;
    // down the chain to its first receiver: `h` of `h.ipv4()?.udp()`
    for (;;) {
      root = unwrap(root);
      if (ts.isCallExpression(root) && ts.isPropertyAccessExpression(unparen(root.expression))) root = (unparen(root.expression) as ts.PropertyAccessExpression).expression;
      else if (ts.isPropertyAccessExpression(root)) root = root.expression;
      else break;
    }
    if (!ts.isIdentifier(root) || this.cx.types.get(root)?.kind !== "header") return false;
    const decl = this.cx.declarationOf(root);
    if (!decl) return false;
    const inside = decl.pos >= boundary.pos && decl.end <= boundary.end;
    if (!inside) return true;
    return ts.isVariableDeclaration(decl) && !!decl.initializer && ts.isCallExpression(unparen(decl.initializer)) ? this.fromOuterHeader(unparen(decl.initializer) as ts.CallExpression, boundary) : false;
  }

  /** The per-trip² cost of the address writes directly in a loop body (not in a loop nested in it) that keep a pseudo-header checksum. */
  private pseudoHeaderWritesCarriedOn(body: ts.Statement): number {
    let total = 0;
    const visit = (n: ts.Node): void => {
      if (isLoop(n)) return;
      if (ts.isPropertyAccessExpression(n) && isAssigned(n)) {
        const receiver = this.cx.types.get(n.expression);
        const spec = receiver?.kind === "header" ? protocolByTsName(receiver.proto) : undefined;
        if (spec?.pseudoHeader?.includes(n.name.text)) total += PSEUDO_HEADER_WRITE_IN_LOOP_SQUARED[spec.name] ?? PSEUDO_HEADER_WRITE_IN_LOOP_SQUARED.ipv6!;
      }
      ts.forEachChild(n, visit);
    };
    ts.forEachChild(body, visit);
    return total;
  }

  private expr(e: ts.Expression): Cost {
    let total = ZERO;
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n)) {
        total = add(total, this.call(n));
        n.arguments.forEach(visit);
        visit(n.expression);
        return;
      }
      if (ts.isPropertyAccessExpression(n) && this.cx.types.get(n.expression)?.kind === "header" && !isCallee(n)) {
        total = add(total, isAssigned(n) ? unit(STEP_COSTS.fieldWrite, JUMPS.fieldWrite, SIZE.fieldWrite) : unit(STEP_COSTS.fieldRead, 0, SIZE.field));
      } else if (ts.isBinaryExpression(n) || ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n) || ts.isConditionalExpression(n) || ts.isElementAccessExpression(n)) {
        const branches = ts.isConditionalExpression(n) || (ts.isBinaryExpression(n) && (n.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || n.operatorToken.kind === ts.SyntaxKind.BarBarToken)) ? JUMPS.branch : 0;
        total = add(total, unit(STEP_COSTS.operation, branches, SIZE.operation));
      }
      ts.forEachChild(n, visit);
    };
    visit(e);
    return total;
  }

  /** One call: a header accessor, a raw read or write, a map method, a helper, or a function of the probe. */
  private call(n: ts.CallExpression): Cost {
    const callee = unparen(n.expression);
    const chain = n.questionDotToken || (ts.isPropertyAccessExpression(callee) && callee.questionDotToken) ? unit(STEP_COSTS.branch, JUMPS.branch) : ZERO;
    if (ts.isPropertyAccessExpression(callee)) {
      const receiver = this.cx.types.get(callee.expression);
      const name = callee.name.text;
      if (receiver?.kind === "map") return add(chain, unit(STEP_COSTS.mapCall, JUMPS.mapCall, SIZE.call));
      if (receiver?.kind === "header" && receiver.proto === "Cursor" && (name in CURSOR_READS || name in CURSOR_WRITES || name === "bytes")) {
        return add(chain, unit(this.packetCost(STEP_COSTS.rawAccess), JUMPS.rawAccess, SIZE.rawAccess));
      }
      if (receiver?.kind === "context" && name !== "eth" && name !== "packet") return unit(STEP_COSTS.adjust, JUMPS.branch, SIZE.call);
      const result = this.cx.types.get(n);
      if (result?.kind === "header" && (receiver?.kind === "header" || receiver?.kind === "context")) {
        if (result.proto === "Cursor") return add(chain, unit(STEP_COSTS.cursor, 0, 2));
        const spec = protocolByTsName(result.proto)!;
        const proto = spec.name;
        const inLoop = this.fromOuterHeader(n) ? STEP_COSTS.parseInLoopFactor : this.boundaries.length ? STEP_COSTS.parseInLoopFreshFactor : 1;
        // parsed alone (nothing reads past it), IPv6 does not walk its extension headers
        const ipv6 = proto === "ipv6" && !parsedAlone(this.cx, n, spec);
        const steps = this.packetCost(ipv6 || proto !== "ipv6" ? (STEP_COSTS.parseByProtocol[proto] ?? STEP_COSTS.parse) : STEP_COSTS.parse) * inLoop;
        return add(chain, { steps, jumps: ipv6 ? JUMPS.parseIpv6 : JUMPS.parse, size: ipv6 ? SIZE.parseIpv6 : SIZE.parse, costliest: { node: n, steps, why: `parsing ${article(result.proto)} ${result.proto} header` } });
      }
      if (ts.isIdentifier(callee.expression) && callee.expression.text === "log") return unit(STEP_COSTS.logCall, JUMPS.mapCall, SIZE.call);
      return add(chain, unit(STEP_COSTS.helperCall, 0, SIZE.call));
    }
    const decl = ts.isIdentifier(callee) ? this.cx.declarationOf(callee) : undefined;
    const fn = decl && this.cx.functions.get(decl);
    if (!fn || !ts.isFunctionDeclaration(decl) || !decl.body) return unit(STEP_COSTS.helperCall, 0, SIZE.call);
    return add(unit(STEP_COSTS.helperCall, 0, SIZE.call), this.functionCost(decl));
  }

  /** A function of the probe, walked once per call: the verifier walks a called function in the caller's state. */
  private functionCost(decl: ts.FunctionDeclaration): Cost {
    const inLoop = this.boundaries.length > 0;
    const costs = this.functionCosts[inLoop ? 1 : 0]!;
    const known = costs.get(decl);
    if (known) return known;
    costs.set(decl, ZERO); // recursion is reported elsewhere
    // called in a loop, the headers it is given are the same on every trip
    if (inLoop) this.boundaries.push(decl.body!);
    const cost = this.body(decl.body!);
    if (inLoop) this.boundaries.pop();
    const inline = this.cx.functions.get(decl)!.linkage === "inline";
    // an inlined body is copied into each caller; a called one exists once (its size counts at its first call only)
    const result = { ...cost, size: inline ? cost.size : 0 };
    costs.set(decl, result);
    return result;
  }
}

function isCallee(n: ts.PropertyAccessExpression): boolean {
  return ts.isCallExpression(n.parent) && n.parent.expression === n;
}

/** The declarations a statement assigns (not declares), anywhere inside it. */
function assignedIn(cx: CheckContext, s: ts.Node): Set<ts.Node> {
  const out = new Set<ts.Node>();
  const visit = (n: ts.Node): void => {
    if (isAssigned(n) && ts.isIdentifier(n)) {
      const d = cx.declarationOf(n);
      if (d) out.add(d);
    }
    ts.forEachChild(n, visit);
  };
  visit(s);
  return out;
}

/** The index of the last statement of `list` after `from` that names `decl` (-1: none). */
function lastUse(cx: CheckContext, list: readonly ts.Statement[], from: number, decl: ts.Node): number {
  for (let i = list.length - 1; i > from; i--) if (mentions(cx, list[i]!, decl)) return i;
  return -1;
}

function mentions(cx: CheckContext, n: ts.Node, decl: ts.Node): boolean {
  if (ts.isIdentifier(n) && cx.declarationOf(n) === decl) return true;
  return ts.forEachChild(n, (c) => mentions(cx, c, decl) || undefined) ?? false;
}

/** `if (!h) return ...;` (or break, continue): only the state where h is there goes on. */
function endsAbsence(cx: CheckContext, s: ts.Statement, decl: ts.Node): boolean {
  if (!ts.isIfStatement(s) || s.elseStatement) return false;
  const test = unparen(s.expression);
  const negated = ts.isPrefixUnaryExpression(test) && test.operator === ts.SyntaxKind.ExclamationToken ? unparen(test.operand) : undefined;
  const isNull = ts.isBinaryExpression(test) && (test.operatorToken.kind === ts.SyntaxKind.EqualsEqualsToken || test.operatorToken.kind === ts.SyntaxKind.EqualsEqualsEqualsToken) && (test.right.kind === ts.SyntaxKind.NullKeyword ? unparen(test.left) : test.left.kind === ts.SyntaxKind.NullKeyword ? unparen(test.right) : undefined);
  const tested = negated ?? (isNull || undefined);
  if (!tested || !ts.isIdentifier(tested) || cx.declarationOf(tested) !== decl) return false;
  const exit = ts.isBlock(s.thenStatement) ? s.thenStatement.statements[s.thenStatement.statements.length - 1] : s.thenStatement;
  return !!exit && (ts.isReturnStatement(exit) || ts.isBreakStatement(exit) || ts.isContinueStatement(exit));
}

/** The kernel's limits this estimate is held to. */
export const VERIFIER_LIMITS = {
  /** Instructions the verifier processes per program (BPF_COMPLEXITY_LIMIT_INSNS). */
  steps: 1_000_000,
  /** Branches it keeps pending on one path (BPF_COMPLEXITY_LIMIT_JMP_SEQ). */
  jumps: 8192,
  /** Instructions a BPF jump can span (16-bit offsets): a function larger than this cannot be compiled. */
  size: 32_767,
};

/**
 * How far the verifier's count can exceed the estimate: the largest ratio measured over fuzzer-generated programs was
 * about 6 (branches inside loops that leave states the verifier cannot merge). A program is accepted only when its
 * estimate times this margin fits the budget; where the verifier runs (privileged builds and loads), it decides.
 */
export const ESTIMATE_MARGIN = 8;

/** Reports a program whose estimated work does not fit the verifier's limits, at the construct that costs the most. */
export function checkBudget(out: DiagnosticBag, name: string, program: ts.MethodDeclaration, cost: Cost): Cost {
  const where = cost.costliest?.node ?? program.name;
  const why = cost.costliest ? `; ${cost.costliest.why} costs about ${round(cost.costliest.steps)} of them` : "";
  const report = (node: ts.Node, template: MessageTemplate) => out.add({ ...template, severity: "error", location: nodeLocation(node) });
  const limit = round(VERIFIER_LIMITS.steps);
  // what surely exceeds a limit first, then what the estimate's margin cannot rule out
  if (cost.steps > VERIFIER_LIMITS.steps) report(where, messages.verifierBudget(name, round(cost.steps), `more than its budget of ${limit}`, why));
  else if (cost.jumps > VERIFIER_LIMITS.jumps) report(where, messages.verifierBranches(name, round(cost.jumps), round(VERIFIER_LIMITS.jumps)));
  else if (cost.size > VERIFIER_LIMITS.size) report(program.name, messages.programSize(name, round(cost.size), round(VERIFIER_LIMITS.size)));
  else if (cost.steps * ESTIMATE_MARGIN > VERIFIER_LIMITS.steps) {
    report(where, messages.verifierBudget(name, round(cost.steps), `and it can need up to ${ESTIMATE_MARGIN} times the estimate, more than its budget of ${limit}`, why));
  }
  return cost;
}

const round = (n: number) => Math.round(n).toLocaleString("en-US");

const article = (word: string) => (/^[AEIOU]/.test(word) ? "an" : "a");
