// Estimates each program's BPF stack (512 bytes, all frames of a BPF-to-BPF call chain together) from what must live in memory, and reports what cannot fit.
import { ts } from "ts-morph";
import { messages } from "../diagnostics/catalogue.js";
import { layoutOf } from "../types/layout.js";
import type { TType } from "../types/types.js";
import type { CheckContext } from "./context.js";
import type { ProgramDecl } from "./declarations.js";
import { unparen } from "./syntax.js";

/** The kernel's limit for one program: its frame and the frames of the functions it calls (MAX_BPF_STACK). */
export const BPF_STACK_BYTES = 512;
/** The verifier rounds each frame of a call chain up to this many bytes. */
const FRAME_ROUNDING = 32;
/** Room kept in every frame for the integers clang spills from registers (it needs a slot or two beside a big local). */
const SPILL_RESERVE = 16;
/** A header value as clang spills it: two pointers, the next protocol and the presence flag (its length too only where a field reads it). */
const HEADER_BYTES = 24;
/** The key a socket filter's frame copy is looked up with (a stack slot). */
const FRAME_COPY_KEY = 8;
/** A log record: the site, a reserved word and the timestamp, then 8 bytes per argument. */
const LOG_RECORD_HEADER = 16;

/** What a body needs: its bytes and the biggest single item, to name in the diagnostic. */
interface Need {
  bytes: number;
  largest?: { what: string; bytes: number };
}

const NONE: Need = { bytes: 0 };
const add = (a: Need, b: Need): Need => ({ bytes: a.bytes + b.bytes, largest: !b.largest || (a.largest && a.largest.bytes >= b.largest.bytes) ? a.largest : b.largest });
const max = (a: Need, b: Need): Need => (b.bytes > a.bytes ? b : a);
const item = (what: string, bytes: number): Need => (bytes > 0 ? { bytes, largest: { what, bytes } } : NONE);

/**
 * What counts: struct and array locals (and FixedArrays from `bytes()`), struct values made for a call (a literal
 * passed or stored, a struct argument of an inlined function), map keys and values (taken by address for the
 * helper), log records, the locals of inlined functions at each call, and 16 bytes per frame for spilled
 * registers; and headers (24 bytes each), which clang spills once the four registers a helper call preserves are
 * taken. Integers and bools are otherwise assumed to live in registers. Variables of sibling blocks,
 * and the temporaries of different statements, share space (as clang lays them out); each frame of a @noinline
 * call chain adds to its caller's.
 */
export class StackEstimator {
  private readonly frames = new Map<ts.Node, Need>();
  private readonly chains = new Map<ts.Node, Need>();

  constructor(private readonly cx: CheckContext) {}

  /** Reports every program whose chain of frames, and every @noinline function whose own frame, exceeds the limit. */
  check(programs: readonly ProgramDecl[], functions: readonly ts.FunctionDeclaration[]): void {
    for (const p of programs) {
      // a program that copies its frame looks the copy up with a key on its stack
      const copy = p.kind.packet === "copy" ? item("the key of the frame copy", FRAME_COPY_KEY) : NONE;
      this.report(p.node.name, `program '${p.name}'`, add(this.chain(p.node), copy));
    }
    for (const f of functions) {
      if (this.cx.functions.get(f)?.linkage === "call") this.report(f.name!, `function '${f.name!.text}'`, this.ownFrame(f));
    }
  }

  private report(at: ts.Node, what: string, need: Need): void {
    if (need.bytes <= BPF_STACK_BYTES) return;
    this.cx.error(at, messages.stackTooLarge(what, need.bytes, BPF_STACK_BYTES, need.largest ? `${need.largest.what} (${need.largest.bytes} bytes)` : "its locals"));
  }

  /** A body's frame and, after it, the deepest chain of @noinline calls it makes. */
  private chain(body: ts.Node): Need {
    const known = this.chains.get(body);
    if (known) return known;
    this.chains.set(body, NONE); // recursion is reported elsewhere
    let deepest = NONE;
    for (const callee of this.noinlineCallees(body)) deepest = max(deepest, this.chain(callee));
    const own = this.ownFrame(body);
    const result = add({ ...own, bytes: roundUp(own.bytes) }, deepest);
    this.chains.set(body, result);
    return result;
  }

  /** The @noinline functions a body calls, directly or through inlined functions. */
  private noinlineCallees(body: ts.Node, seen = new Set<ts.Node>()): ts.Node[] {
    const out: ts.Node[] = [];
    for (const callee of this.cx.calls.get(body) ?? []) {
      if (seen.has(callee)) continue;
      seen.add(callee);
      if (this.cx.functions.get(callee)?.linkage === "call") out.push(callee);
      else out.push(...this.noinlineCallees(callee, seen));
    }
    return out;
  }

  /** A frame of its own (a program's, a @noinline function's): its body and the spill reserve. */
  private ownFrame(fn: ts.Node): Need {
    return add(this.frame(fn), { bytes: SPILL_RESERVE });
  }

  /** The bytes one function's or program's body needs (inlined functions included). */
  private frame(fn: ts.Node): Need {
    const known = this.frames.get(fn);
    if (known) return known;
    this.frames.set(fn, NONE);
    const body = (fn as ts.FunctionLikeDeclaration).body;
    const outer = this.loopBodies;
    this.loopBodies = NONE;
    const own = body && ts.isBlock(body) ? this.block(body.statements) : NONE;
    const result = add(own, this.loopBodies);
    this.loopBodies = outer;
    this.frames.set(fn, result);
    return result;
  }

  /** What the loop bodies of the frame being estimated need, each for the whole frame (see block). */
  private loopBodies = NONE;

  /**
   * A block's variables live through it; the temporaries of one statement (map keys, an inlined function's frame)
   * only while it runs, and the bodies of branches one at a time: those share their space. A loop body's variables
   * share with nothing: once clang has optimised the loop, their lifetimes' ends no longer lie on every path out of
   * it, so their slots stay taken for the rest of the function (a 456-byte array in a loop left no room for the map
   * keys after it).
   */
  private block(statements: readonly ts.Statement[]): Need {
    let locals = NONE;
    let shared = NONE;
    for (const s of statements) {
      shared = max(shared, this.temporaries(s, s));
      if (ts.isVariableStatement(s)) for (const d of s.declarationList.declarations) locals = add(locals, this.local(d));
      for (const body of nestedBodies(s)) {
        const need = this.block(body); // first: a loop nested in it adds to loopBodies
        if (ts.isIterationStatement(s, false)) this.loopBodies = add(this.loopBodies, need);
        else shared = max(shared, need);
      }
    }
    return add(locals, shared);
  }

  private local(d: ts.VariableDeclaration): Need {
    const t = this.cx.bindings.get(d)?.type;
    if (!t) return NONE;
    // a header is three words, which clang keeps on the stack once the registers a helper call preserves are taken
    return item(`'${d.name.getText()}'`, t.kind === "header" ? HEADER_BYTES : this.sizeOf(t));
  }

  /**
   * The most the expressions of a statement (not those of its nested statements) put in memory at once: a struct
   * literal passed on, and a call with what it takes (an inlined function's frame, a map helper's key and value).
   */
  private temporaries(node: ts.Node, statement: ts.Statement): Need {
    let need = NONE;
    ts.forEachChild(node, (child) => {
      if (child !== statement && ts.isStatement(child)) return;
      const literal = ts.isObjectLiteralExpression(child) && isTemporary(child) ? item(`a struct literal on line ${lineOf(child)}`, this.sizeOfNode(child)) : NONE;
      const call = ts.isCallExpression(child) ? this.call(child) : NONE;
      const indexed = ts.isElementAccessExpression(child) ? this.indexedAddress(child) : NONE;
      need = max(need, add(add(add(literal, call), indexed), this.temporaries(child, statement)));
    });
    return need;
  }

  private call(node: ts.CallExpression): Need {
    const callee = unparen(node.expression);
    const line = lineOf(node);
    if (ts.isPropertyAccessExpression(callee)) {
      const receiver = this.cx.types.get(callee.expression);
      if (receiver?.kind === "map") {
        // keys and values are passed to the helper by address: each becomes a stack slot
        const args = node.arguments.map((a) => this.cx.types.get(a)).filter((t): t is TType => !!t && t.kind !== "const" && t.kind !== "context");
        const slots = args.reduce((n, t) => n + this.sizeOf(t, 8), 0) + (node.arguments.some((a) => this.cx.types.get(a)?.kind === "const") ? 8 : 0);
        return item(`the key and value of ${callee.getText()}() on line ${line}`, slots);
      }
      if (this.cx.logSites.some((s) => s.node === node)) return item(`the log record on line ${line}`, LOG_RECORD_HEADER + 8 * (node.arguments.length - 1));
      return NONE;
    }
    if (!ts.isIdentifier(callee)) return NONE;
    const decl = this.cx.declarationOf(callee);
    const signature = decl && this.cx.functions.get(decl);
    if (!decl || !signature || signature.linkage === "call") return NONE;
    // an inlined function: its frame, and copies of struct arguments and result
    const copies = [...signature.params, signature.returns].reduce((n, t) => n + this.sizeOf(t), 0);
    const inner = this.frame(decl);
    return add(item(`the struct arguments and result of ${callee.text}() on line ${line}`, copies), { bytes: inner.bytes, largest: inner.largest && { ...inner.largest, what: `${inner.largest.what} in ${callee.text}()` } });
  }

  /** `h.daddr.bytes[i]` at a variable index: the address is copied out of the packet into a stack slot, then indexed. */
  private indexedAddress(node: ts.ElementAccessExpression): Need {
    const bytes = unparen(node.expression);
    if (!ts.isPropertyAccessExpression(bytes) || this.cx.types.get(node.argumentExpression)?.kind === "const") return NONE;
    const address = unparen(bytes.expression);
    if (!ts.isPropertyAccessExpression(address) || this.cx.types.get(address.expression)?.kind !== "header") return NONE;
    const t = this.cx.types.get(bytes);
    return t ? item(`the address copied on line ${lineOf(node)}`, this.sizeOf(t)) : NONE;
  }

  private sizeOfNode(node: ts.Expression): number {
    const t = this.cx.types.get(node) ?? this.cx.types.get(node.parent as ts.Expression);
    return t ? this.sizeOf(t) : 0;
  }

  /** Structs and arrays occupy their size, rounded to 8-byte slots; other values registers (or, passed by address, `scalar` bytes). */
  private sizeOf(t: TType, scalar = 0): number {
    if (t.kind === "struct" || t.kind === "array") return roundUp(layoutOf(this.cx, t).size, 8);
    if (t.kind === "ref" && t.target.kind === "struct") return 0;
    return t.kind === "int" || t.kind === "bool" || t.kind === "enum" ? scalar : 0;
  }
}

/** The bodies nested in a compound statement, each a list of statements: a block, branches, a loop body, case clauses. */
function nestedBodies(s: ts.Statement): (readonly ts.Statement[])[] {
  const list = (st: ts.Statement) => (ts.isBlock(st) ? st.statements : [st]);
  if (ts.isBlock(s)) return [s.statements];
  if (ts.isIfStatement(s)) return s.elseStatement ? [list(s.thenStatement), list(s.elseStatement)] : [list(s.thenStatement)];
  if (ts.isIterationStatement(s, false)) return [list(s.statement)];
  if (ts.isSwitchStatement(s)) return s.caseBlock.clauses.map((c) => c.statements);
  return [];
}

/** A struct literal that is a value of its own (not a variable's initial value, nor part of a bigger literal). */
function isTemporary(literal: ts.ObjectLiteralExpression): boolean {
  let n: ts.Node = literal;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const p = n.parent;
  return !(ts.isVariableDeclaration(p) && p.initializer === n) && !ts.isPropertyAssignment(p) && !ts.isArrayLiteralExpression(p);
}

function lineOf(node: ts.Node): number {
  const sf = node.getSourceFile();
  return sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
}

const roundUp = (n: number, to = FRAME_ROUNDING) => Math.ceil(n / to) * to;
