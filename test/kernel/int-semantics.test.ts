// Integer semantics in the kernel: a table of expressions over every integer type, compiled into one probe, run, and checked against an independent BigInt model of docs/language.md.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildProbe, type BuiltProbe } from "../support/build-probe.js";
import { describeKernel, loadObject, XdpVerdict, type LoadedObject } from "../support/kernel.js";
import { readMap, writeMap } from "../support/maps.js";
import { eth } from "../support/packets.js";

// ---- The model: written from docs/language.md ("Integer rules"), not from the compiler's output ----

const INTS = ["u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64"] as const;
const UNSIGNED = ["u8", "u16", "u32", "u64"] as const;
type Int = (typeof INTS)[number];
type OperandType = Int | "bool";
/** A typed operand: its type and its mathematical value (bools are 0n / 1n). */
type Operand = [OperandType, bigint];

const bits = (t: Int) => Number(t.slice(1));
const signed = (t: Int) => t.startsWith("i");
/** The value v takes in type t: integers wrap at their width, two's complement when signed (also what a C-like cast does). */
const wrap = (t: Int, v: bigint) => (signed(t) ? BigInt.asIntN(bits(t), v) : BigInt.asUintN(bits(t), v));
const maxOf = (t: Int) => (1n << BigInt(signed(t) ? bits(t) - 1 : bits(t))) - 1n;
const minOf = (t: Int) => (signed(t) ? -(1n << BigInt(bits(t) - 1)) : 0n);
/** Only the top bit set: the signed minimum, or 0x80… unsigned. */
const topBitOf = (t: Int) => wrap(t, 1n << BigInt(bits(t) - 1));
/** 0xA5A5… cut to the width: large when unsigned, negative when signed. */
const patternOf = (t: Int) => wrap(t, 0xa5a5a5a5a5a5a5a5n);

const COMPARE: Record<string, (x: bigint, y: bigint) => boolean> = {
  "<": (x, y) => x < y, "<=": (x, y) => x <= y, ">": (x, y) => x > y, ">=": (x, y) => x >= y, "==": (x, y) => x === y, "!=": (x, y) => x !== y,
};
/** Exact results before wrapping; w is the result type's width. */
const ARITHMETIC: Record<string, (x: bigint, y: bigint, w: bigint) => bigint> = {
  "+": (x, y) => x + y, "-": (x, y) => x - y, "*": (x, y) => x * y,
  "&": (x, y) => x & y, "|": (x, y) => x | y, "^": (x, y) => x ^ y,
  "/": (x, y) => (y === 0n ? 0n : x / y), // by zero: 0
  "%": (x, y) => (y === 0n ? x : x % y), // by zero: the dividend
  "<<": (x, y, w) => x << y % w, // a variable count is taken modulo the width
  ">>": (x, y, w) => x >> y % w, // BigInt >> floors: arithmetic for negative (signed) values, logical for unsigned ones
};

/** The documented result of op: [type, value]. Arithmetic has the wider operand type, shifts the left one, comparisons and ! give bools. */
function evaluate(op: string, [ta, x]: Operand, b?: Operand): Operand {
  if (!b) {
    if (op === "!") return ["bool", x === 0n ? 1n : 0n];
    if (op === "-" || op === "~") return [ta, wrap(ta as Int, op === "-" ? -x : ~x)];
    return [op as Int, wrap(op as Int, x)]; // a conversion u8(x)…i64(x); a bool converts as 0 or 1
  }
  const [tb, y] = b;
  if (op === "&&" || op === "||") return ["bool", (op === "&&" ? x !== 0n && y !== 0n : x !== 0n || y !== 0n) ? 1n : 0n];
  if (COMPARE[op]) return ["bool", COMPARE[op](x, y) ? 1n : 0n];
  const t = (op === "<<" || op === ">>" || bits(ta as Int) >= bits(tb as Int) ? ta : tb) as Int;
  return [t, wrap(t, ARITHMETIC[op]!(x, y, BigInt(bits(t))))];
}

// ---- The table ----

const CATEGORIES = ["arithmetic", "shifts", "division", "conversions", "comparisons"] as const;
type Category = (typeof CATEGORIES)[number];
/** expr names its operands a and b; expected is the u64 bit pattern u64(expr) stores. */
interface Case { category: Category; expr: string; a: Operand; b?: Operand; expected: bigint }

const cases: Case[] = [];
let category: Category = "arithmetic";
function add(op: string, expr: string, a: Operand, b?: Operand, modelB: Operand | undefined = b): void {
  cases.push({ category, expr, a, b, expected: BigInt.asUintN(64, evaluate(op, a, modelB)[1]) });
}
const bin = (op: string, a: Operand, b: Operand) => add(op, `a ${op} b`, a, b);
const unary = (op: string, a: Operand) => add(op, `${op}a`, a);
/** b is a literal in the source (an untyped constant that takes a's type). */
const withConstant = (op: string, a: Operand, k: bigint) => add(op, `a ${op} ${k}`, a, undefined, [a[0], k]);
const op = (t: OperandType, v: bigint): Operand => [t, v];
/** `a op b cmp rhs` (or `op a cmp rhs`): the operation's result is compared at its own width, where it has wrapped. */
function compareResult(opName: string, cmp: string, rhs: "a" | "b", a: Operand, b: Operand): void {
  const isUnary = opName === "-" || opName === "~";
  const [, left] = isUnary ? evaluate(opName, a) : evaluate(opName, a, b);
  const expr = `${isUnary ? `${opName}a` : `a ${opName} b`} ${cmp} ${rhs}`;
  cases.push({ category, expr, a, b, expected: COMPARE[cmp]!(left, (rhs === "a" ? a : b)[1]) ? 1n : 0n });
}

category = "arithmetic";
for (const t of INTS) {
  const v = (x: bigint) => op(t, x);
  const [max, min, top, p] = [maxOf(t), minOf(t), topBitOf(t), patternOf(t)];
  bin("+", v(max), v(1n));
  bin("+", v(p), v(p));
  bin("-", v(min), v(1n));
  bin("-", v(0n), v(max));
  bin("*", v(max), v(max));
  bin("*", v(top), v(signed(t) ? -1n : 2n)); // min * -1 overflows back to min; 0x80… * 2 wraps to 0
  bin("&", v(p), v(max - 1n));
  bin("|", v(p), v(0x0fn));
  bin("^", v(p), v(max));
  unary("-", v(1n));
  unary("-", v(top));
  unary("~", v(p));
  withConstant("+", v(max), 1n);
}
// mixed widths: the result has the wider type (the narrower operand zero- or sign-extended)
bin("+", op("u8", 255n), op("u32", 0xffffffffn));
bin("-", op("u32", 0n), op("u8", 1n));
bin("*", op("u16", 0xffffn), op("u64", maxOf("u64")));
bin("&", op("u8", 0xa5n), op("u64", maxOf("u64")));
bin("^", op("u16", 0xffffn), op("u32", 0xffffffffn));
bin("+", op("i8", -128n), op("i32", 1n));
bin("-", op("i16", -32768n), op("i64", 1n));
bin("|", op("i8", -1n), op("i16", 0x0f00n));
bin("*", op("i32", -2n), op("i64", 1n << 62n));

category = "shifts";
const COUNT_TYPES = ["u8", "u16", "u32", "u64"] as const; // counts are unsigned (a signed count is TSBPF1111)
let countType = 0;
const count = (n: bigint) => op(COUNT_TYPES[countType++ % COUNT_TYPES.length]!, n);
for (const t of INTS) {
  const w = BigInt(bits(t));
  for (const n of [1n, w - 1n, w, w + 3n]) bin("<<", op(t, patternOf(t)), count(n));
  for (const n of [1n, w - 1n, w + 1n]) bin(">>", op(t, topBitOf(t)), count(n)); // arithmetic on signed types, logical on unsigned
  bin(">>", op(t, patternOf(t)), count(4n));
  withConstant("<<", op(t, maxOf(t)), w - 1n); // a constant count below the width
}
bin("<<", op("u32", 1n), op("u64", (1n << 32n) + 2n)); // a count wider than the value, taken modulo 32
bin(">>", op("i8", -128n), op("u64", (1n << 40n) + 9n)); // … and modulo 8

category = "division";
for (const t of UNSIGNED) {
  const v = (x: bigint) => op(t, x);
  const [max, p] = [maxOf(t), patternOf(t)];
  bin("/", v(max), v(3n));
  bin("/", v(p), v(max));
  bin("/", v(p), v(0n));
  bin("/", v(0n), v(0n));
  bin("%", v(max), v(3n));
  bin("%", v(p), v(7n));
  bin("%", v(p), v(0n));
  bin("%", v(0n), v(0n));
  withConstant("/", v(max), 10n);
  withConstant("%", v(p), 10n);
}
bin("/", op("u8", 200n), op("u64", 0n));
bin("%", op("u64", maxOf("u64")), op("u16", 0n));
bin("/", op("u32", 0xffffffffn), op("u8", 16n));
bin("%", op("u16", 0xffffn), op("u64", 0x10000n));

category = "conversions";
for (const from of INTS) {
  for (const to of INTS) {
    add(to, `${to}(a)`, op(from, patternOf(from))); // truncation, sign extension (negative signed) or zero extension
    if (signed(from) && bits(to) < bits(from)) add(to, `${to}(a)`, op(from, maxOf(from))); // 0x7f…ff cut to all ones
  }
}
for (const to of INTS) for (const b of [0n, 1n]) add(to, `${to}(a)`, op("bool", b));

category = "comparisons";
for (const t of INTS) {
  // 0xA5… against 1: greater when unsigned, less when signed
  for (const cmp of Object.keys(COMPARE)) bin(cmp, op(t, patternOf(t)), op(t, 1n));
  bin("<=", op(t, minOf(t)), op(t, minOf(t)));
  // a result compared directly must have wrapped at its width first (C would compare the promoted int)
  compareResult("+", "<", "a", op(t, maxOf(t)), op(t, 1n));
  compareResult("-", "==", "b", op(t, 1n), op(t, wrap(t, -1n)));
  compareResult("~", "==", "b", op(t, patternOf(t)), op(t, wrap(t, ~patternOf(t))));
}
bin("<", op("u8", 255n), op("u32", 256n));
bin("<", op("i8", -1n), op("i64", 0n));
bin("==", op("u16", 0xffffn), op("u64", 0xffffn));
bin(">", op("i16", -1n), op("i32", -2n));
bin("==", op("bool", 1n), op("bool", 1n));
bin("!=", op("bool", 1n), op("bool", 0n));
unary("!", op("bool", 0n));
bin("&&", op("bool", 1n), op("bool", 0n));
bin("||", op("bool", 0n), op("bool", 1n));

// ---- The probe: one program per slice of a category; every operand is read from the inputs map ----

const SLICE = 120;

function generateProbe(): { source: string; inputs: bigint[]; programs: string[] } {
  const inputs: bigint[] = [];
  const slots = new Map<bigint, number>();
  const slot = (pattern: bigint) => {
    if (!slots.has(pattern)) slots.set(pattern, inputs.push(pattern) - 1);
    return slots.get(pattern)!;
  };
  const load = (name: string, [t, v]: Operand) =>
    t === "bool" ? `const ${name}: bool = input(${slot(v)}) != 0;` : `const ${name}: ${t} = ${t}(input(${slot(BigInt.asUintN(64, v))}));`;
  const programs: string[] = [];
  const methods: string[] = [];
  for (const cat of CATEGORIES) {
    const indices = cases.flatMap((c, k) => (c.category === cat ? [k] : []));
    for (let s = 0; s < indices.length; s += SLICE) {
      const name = `${cat}${s / SLICE}`;
      const body = indices.slice(s, s + SLICE).flatMap((k) => {
        const c = cases[k]!;
        const expr = c.expr.replace(/\b([ab])\b/g, (_, n: string) => `c${k}${n}`);
        return [load(`c${k}a`, c.a), ...(c.b ? [load(`c${k}b`, c.b)] : []), `results.set(${k}, u64(${expr}));`];
      });
      programs.push(name);
      methods.push(`  @xdp\n  static ${name}(ctx: XdpContext): XdpAction {\n${body.map((l) => `    ${l}\n`).join("")}    return XdpAction.Pass;\n  }`);
    }
  }
  const source = [
    "// Generated by test/kernel/int-semantics.test.ts: every case reads its operands from inputs and stores u64(expression) in results.",
    `const inputs = new ArrayMap<u64>(${inputs.length});`,
    `const results = new ArrayMap<u64>(${cases.length});`,
    "function input(i: u32): u64 {\n  const r = inputs.get(i);\n  return r ? r.value : 0;\n}",
    `export class IntSemantics {\n${methods.join("\n\n")}\n}\n`,
  ];
  return { source: source.join("\n"), inputs, programs };
}

const describeOperand = (name: string, [t, v]: Operand) => `${name}: ${t} = ${t === "bool" ? v === 1n : v}`;
const hex = (v: bigint) => `${v} (0x${v.toString(16)})`;

describeKernel("integer semantics: an expression table over every type, against a BigInt model", () => {
  const probe = generateProbe();
  let sourceDir: string | undefined;
  let built: BuiltProbe | undefined;
  let obj: LoadedObject | undefined;
  const got = new Map<number, bigint>();

  beforeAll(async () => {
    sourceDir = mkdtempSync(join(tmpdir(), "tsbpf-int-semantics-"));
    const file = join(sourceDir, "int_semantics.ts");
    writeFileSync(file, probe.source);
    built = await buildProbe(file);
    obj = await loadObject(built.objectFile, { type: "xdp" });
    for (let i = 0; i < probe.inputs.length; i += 16) {
      await Promise.all(probe.inputs.slice(i, i + 16).map((v, j) => writeMap(obj!, built!.manifest, "inputs", BigInt(i + j), v)));
    }
    for (const name of probe.programs) expect((await obj.run(name, eth().build())).retval, name).toBe(XdpVerdict.Pass);
    for (const e of await readMap(obj, built.manifest, "results")) got.set(Number(e.key), e.value as bigint);
  });

  afterAll(async () => {
    await obj?.close();
    built?.remove();
    if (sourceDir) rmSync(sourceDir, { recursive: true, force: true });
  });

  for (const cat of CATEGORIES) {
    const mine = cases.flatMap((c, k) => (c.category === cat ? [{ ...c, k }] : []));
    it(`${cat} (${mine.length} cases)`, () => {
      const failures = mine
        .filter((c) => got.get(c.k) !== c.expected)
        .map((c) => `#${c.k} u64(${c.expr}) with ${[describeOperand("a", c.a), ...(c.b ? [describeOperand("b", c.b)] : [])].join(", ")}: expected ${hex(c.expected)}, got ${got.has(c.k) ? hex(got.get(c.k)!) : "nothing"}`);
      expect(failures).toEqual([]);
    });
  }
});
