// The reductions the shrinker tries on a probe's syntax tree, coarse first: drop declarations and programs, delete
// statements (halves, then smaller chunks), unwrap blocks, drop else branches, shorten loops, simplify expressions.
import { convert, num, type Expr, type Probe, type Stmt } from "../generate/ast.js";

export interface Edit {
  /** What the edit does, for logs. */
  what: string;
  apply: (p: Probe) => Probe;
}

type Path = (string | number)[];

const STATEMENT_KINDS = new Set(["decl", "assign", "step", "expr", "if", "for", "forOf", "while", "switch", "return", "break", "continue", "block"]);
const EXPRESSION_KINDS = new Set(["num", "bool", "str", "name", "member", "call", "index", "unary", "binary", "cond", "object", "array", "new"]);

const isNode = (x: unknown): x is { k: string } => !!x && typeof x === "object" && typeof (x as { k?: unknown }).k === "string";

/** Follows a path from the root; the value there. */
function at(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((o, key) => (o as Record<string | number, unknown>)[key], root);
}

/** A copy of the probe with the value at `path` replaced. */
function replaced(p: Probe, path: Path, value: unknown): Probe {
  const copy = structuredClone(p);
  const parent = at(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path.at(-1)!] = value;
  return copy;
}

/** Every statement list (block), expression and fixed-array type in the tree, outermost first. */
function collect(p: Probe): { blocks: Path[]; exprs: Path[]; arrayTypes: Path[] } {
  const blocks: Path[] = [];
  const exprs: Path[] = [];
  const arrayTypes: Path[] = [];
  const visit = (x: unknown, path: Path): void => {
    if (typeof x === "string" && path.at(-1) === "type" && /FixedArray<.*, \d+>/.test(x)) arrayTypes.push(path);
    if (Array.isArray(x)) {
      if (["body", "then", "else"].includes(String(path.at(-1))) && x.every((s) => isNode(s) && STATEMENT_KINDS.has(s.k))) blocks.push(path);
      x.forEach((y, i) => visit(y, [...path, i]));
      return;
    }
    if (!x || typeof x !== "object") return;
    if (isNode(x) && EXPRESSION_KINDS.has(x.k)) exprs.push(path);
    for (const [key, value] of Object.entries(x)) if (value) visit(value, [...path, key]);
  };
  visit(p, []);
  return { blocks, exprs, arrayTypes };
}

/** The reductions of p, coarse to fine. */
export function* edits(p: Probe): Generator<Edit> {
  yield* itemEdits(p);
  const { blocks, exprs, arrayTypes } = collect(p);
  yield* deletions(p, blocks);
  yield* unwrappings(p, blocks);
  yield* shorterArrays(p, arrayTypes, exprs);
  yield* expressionEdits(p, exprs);
}

/** Fewer elements: a FixedArray's length halved or made 1, an array literal's elements dropped from the end. */
function* shorterArrays(p: Probe, types: Path[], exprs: Path[]): Generator<Edit> {
  for (const path of types) {
    const text = at(p, path) as string;
    const n = Number(/, (\d+)>/.exec(text)![1]);
    for (const m of new Set([1, Math.ceil(n / 2)])) {
      if (m < n) yield { what: `FixedArray length ${m} at ${path.join(".")}`, apply: (q) => replaced(q, path, text.replace(/, (\d+)>/, `, ${m}>`)) };
    }
  }
  for (const path of exprs) {
    const e = at(p, path) as Expr;
    if (e.k !== "array") continue;
    for (const keep of new Set([0, Math.floor(e.items.length / 2), e.items.length - 1])) {
      if (keep < e.items.length) yield { what: `${keep} array elements at ${path.join(".")}`, apply: (q) => replaced(q, [...path, "items"], e.items.slice(0, keep)) };
    }
  }
}

function* itemEdits(p: Probe): Generator<Edit> {
  for (let i = p.items.length - 1; i >= 0; i--) {
    const item = p.items[i]!;
    if (item.k === "class") {
      for (let j = item.programs.length - 1; j >= 0 && item.programs.length > 1; j--) {
        yield { what: `drop program ${item.programs[j]!.name}`, apply: (q) => replaced(q, ["items", i, "programs"], (q.items[i] as typeof item).programs.filter((_, x) => x !== j)) };
      }
    }
    yield { what: `drop ${item.k} ${item.name}`, apply: (q) => ({ ...q, items: q.items.filter((_, x) => x !== i) }) };
    if (item.k === "struct") {
      for (let f = item.fields.length - 1; f >= 0 && item.fields.length > 1; f--) {
        yield { what: `drop field ${item.fields[f]!.name} of ${item.name}`, apply: (q) => withoutField(q, i, f) };
      }
    }
  }
}

/** A struct without one field, and every object literal that builds it (the literals with exactly its field names). */
function withoutField(p: Probe, item: number, field: number): Probe {
  const copy = structuredClone(p);
  const struct = copy.items[item] as Extract<Probe["items"][number], { k: "struct" }>;
  const names = struct.fields.map((f) => f.name).sort().join(",");
  const dropped = struct.fields[field]!.name;
  struct.fields.splice(field, 1);
  const visit = (x: unknown): void => {
    if (!x || typeof x !== "object") return;
    if (isNode(x) && x.k === "object") {
      const literal = x as Extract<Expr, { k: "object" }>;
      if (literal.fields.map((f) => f.name).sort().join(",") === names) literal.fields = literal.fields.filter((f) => f.name !== dropped);
    }
    for (const value of Object.values(x)) visit(value);
  };
  visit(copy);
  return copy;
}

/** Deleting runs of statements: each block's halves, then quarters, down to single statements. */
function* deletions(p: Probe, blocks: Path[]): Generator<Edit> {
  for (const path of blocks) {
    const length = (at(p, path) as Stmt[]).length;
    for (let chunk = Math.max(1, Math.floor(length / 2)); ; chunk = Math.max(1, Math.floor(chunk / 2))) {
      for (let start = length - chunk; start >= 0; start -= chunk) {
        const [from, to] = [start, start + chunk];
        yield { what: `delete statements ${from}..${to - 1} of ${path.join(".")}`, apply: (q) => replaced(q, path, (at(q, path) as Stmt[]).filter((_, x) => x < from || x >= to)) };
      }
      if (chunk === 1) break;
    }
  }
}

/** Replacing a compound statement by what it holds: its body, a branch, one case; loops keep their counter. */
function* unwrappings(p: Probe, blocks: Path[]): Generator<Edit> {
  for (const path of blocks) {
    const list = at(p, path) as Stmt[];
    for (let i = 0; i < list.length; i++) {
      for (const [what, inner] of innerBlocks(list[i]!)) {
        yield { what: `${what} at ${path.join(".")}.${i}`, apply: (q) => replaced(q, path, [...(at(q, path) as Stmt[]).slice(0, i), ...inner, ...(at(q, path) as Stmt[]).slice(i + 1)]) };
      }
      const s = list[i]!;
      if (s.k === "if" && s.else) yield { what: `drop else at ${path.join(".")}.${i}`, apply: (q) => replaced(q, [...path, i], { ...s, else: undefined }) };
      if (s.k === "for" || s.k === "forOf" || s.k === "while") yield* shorterLoop(path, i, s);
      if (s.k === "switch") {
        for (let c = s.cases.length - 1; c >= 0 && s.cases.length > 1; c--) yield { what: `drop case ${c}`, apply: (q) => replaced(q, [...path, i, "cases"], s.cases.filter((_, x) => x !== c)) };
      }
    }
  }
}

/** The statements that could stand in for s. */
function innerBlocks(s: Stmt): [string, Stmt[]][] {
  switch (s.k) {
    case "if":
      return [["unwrap then", s.then], ...(s.else ? [["unwrap else", s.else] as [string, Stmt[]]] : [])];
    case "block":
      return [["unwrap block", s.body]];
    case "for":
      return [["unwrap for", [{ k: "decl", kind: "const", name: s.name, type: s.type, init: num(s.from) }, ...s.body]]];
    case "forOf":
      return [["unwrap for-of", [{ k: "decl", kind: "const", name: s.name, type: "u32", init: num(s.from ?? 0n) }, ...s.body]]];
    case "while":
      return [["unwrap while", s.body.filter((x) => !(x.k === "step" || x.k === "assign") || !(x.target.k === "name" && x.target.name === s.name))]];
    case "switch":
      return s.cases.map((c, i) => [`unwrap case ${i}`, c.body.filter((x) => x.k !== "break")] as [string, Stmt[]]);
    default:
      return [];
  }
}

function* shorterLoop(path: Path, i: number, s: Extract<Stmt, { k: "for" | "forOf" | "while" }>): Generator<Edit> {
  const once = (): Stmt | undefined => {
    if (s.k === "forOf") return s.to - (s.from ?? 0n) > 1n ? { ...s, to: (s.from ?? 0n) + 1n } : undefined;
    if (s.k === "while") return s.to > 1n ? { ...s, to: 1n } : undefined;
    const up = ["<", "<=", "!="].includes(s.cond);
    const to = up ? (s.cond === "<=" ? s.from : s.from + s.step) : s.cond === ">=" ? s.from : s.from - s.step;
    return to !== s.to ? { ...s, to } : undefined;
  };
  const shorter = once();
  if (shorter) yield { what: `one trip for the loop at ${path.join(".")}.${i}`, apply: (q) => replaced(q, [...path, i], { ...shorter, body: (at(q, [...path, i]) as { body: Stmt[] }).body }) };
}

/** An expression replaced by a zero of its type, or by one of its operands of the same type. */
function* expressionEdits(p: Probe, exprs: Path[]): Generator<Edit> {
  for (const path of exprs) {
    const e = at(p, path) as Expr;
    if (!e.t) continue;
    if ((e.k === "num" && e.value === 0n) || (e.k === "bool" && !e.value)) continue;
    const zeros: Expr[] = e.t === "bool" ? [{ k: "bool", value: false, t: "bool" }] : isZero(e) ? [num(0, e.t)] : [num(0, e.t), convert(e.t, num(0))];
    const simpler: Expr[] = [];
    if (e.k === "binary" && e.t !== "bool") simpler.push(...[e.l, e.r].filter((x) => x.t === e.t));
    if (e.k === "cond") simpler.push(...[e.a, e.b].filter((x) => x.t === e.t));
    if (e.k === "unary" && e.e.t === e.t) simpler.push(e.e);
    for (const s of simpler) yield { what: `operand for ${e.k} at ${path.join(".")}`, apply: (q) => replaced(q, path, s) };
    for (const zero of zeros) yield { what: `zero for ${e.k} at ${path.join(".")}`, apply: (q) => replaced(q, path, zero) };
  }
}

const isZero = (e: Expr) => (e.k === "call" && e.args.length === 1 && e.args[0]!.k === "num" && e.args[0]!.value === 0n) || (e.k === "num" && e.value === 0n);

