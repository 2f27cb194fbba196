// The expressions protocol descriptions compute with (derived fields, validity, lengths, selectors): a small tree, not C; protocols/emit-expr.ts turns it into C AST.

/** Where a load starts: the header's first byte, or (in an extension chain) the extension header's. */
export type LoadBase = "header" | "extension";

export type DescExpr =
  /** Another field of the same header, as its getter reads it. */
  | { k: "field"; name: string }
  /** The header's length in bytes, options and tags included. */
  | { k: "length" }
  /** The selector of what follows, in host order (TSBPF_NO_NEXT for nothing). */
  | { k: "nextProto" }
  /** An indexed accessor's index (`eth.vlan(i)`). */
  | { k: "index" }
  /** The bytes of a cursor: to the packet's end, or to its limit. */
  | { k: "cursorLength" }
  /** "Nothing follows": TSBPF_NO_NEXT. */
  | { k: "noNext" }
  | { k: "num"; value: number }
  /** A big-endian load of `width` bytes at `at` from `base`; `raw`: the bytes as they lie, not swapped. */
  | { k: "load"; at: number; width: 1 | 2 | 4; base: LoadBase; raw?: boolean }
  | { k: "binary"; op: BinaryOp; left: DescExpr; right: DescExpr }
  | { k: "choose"; test: DescExpr; then: DescExpr; otherwise: DescExpr }
  /** Whether `value` equals `to`, as two range tests the verifier follows both ways (tsbpf_is). */
  | { k: "is"; value: DescExpr; to: number }
  /** `value`, or nothing (TSBPF_NO_NEXT) unless `flag` is 0, computed without a jump (tsbpf_none_unless_zero). */
  | { k: "noneUnlessZero"; flag: DescExpr; value: DescExpr };

export type BinaryOp = "+" | "-" | "*" | "/" | "&" | ">=" | "==" | "!=";

type Operand = DescExpr | number;
const operand = (e: Operand): DescExpr => (typeof e === "number" ? { k: "num", value: e } : e);
const binary = (op: BinaryOp) => (left: Operand, right: Operand): DescExpr => ({ k: "binary", op, left: operand(left), right: operand(right) });

export const field = (name: string): DescExpr => ({ k: "field", name });
export const LENGTH: DescExpr = { k: "length" };
export const NEXT_PROTO: DescExpr = { k: "nextProto" };
export const INDEX: DescExpr = { k: "index" };
export const CURSOR_LENGTH: DescExpr = { k: "cursorLength" };
export const NO_NEXT: DescExpr = { k: "noNext" };
export const num = (value: number): DescExpr => ({ k: "num", value });
/** A big-endian load from the header's first byte. */
export const load = (at: number, width: 1 | 2 | 4): DescExpr => ({ k: "load", at, width, base: "header" });
/** The bytes at `at` as they lie in the packet (for bit tests that need no byte order). */
export const rawLoad = (at: number, width: 1 | 2 | 4): DescExpr => ({ k: "load", at, width, base: "header", raw: true });
/** A big-endian load from an extension header's first byte (ChainSpec). */
export const extLoad = (at: number, width: 1 | 2 | 4): DescExpr => ({ k: "load", at, width, base: "extension" });
export const add = binary("+");
export const sub = binary("-");
export const mul = binary("*");
export const div = binary("/");
export const and = binary("&");
export const atLeast = binary(">=");
export const equals = binary("==");
export const differs = binary("!=");
export const choose = (test: Operand, then: Operand, otherwise: Operand): DescExpr => ({ k: "choose", test: operand(test), then: operand(then), otherwise: operand(otherwise) });
export const is = (value: Operand, to: number): DescExpr => ({ k: "is", value: operand(value), to });
export const noneUnlessZero = (flag: Operand, value: Operand): DescExpr => ({ k: "noneUnlessZero", flag: operand(flag), value: operand(value) });
/** Whether the bits of `mask` are not all clear in `value`. */
export const anyBit = (value: Operand, mask: number): DescExpr => differs(and(value, mask), 0);

/** Every node of an expression, itself first. */
export function* nodesOf(e: DescExpr): Generator<DescExpr> {
  yield e;
  switch (e.k) {
    case "binary":
      yield* nodesOf(e.left);
      yield* nodesOf(e.right);
      break;
    case "choose":
      yield* nodesOf(e.test);
      yield* nodesOf(e.then);
      yield* nodesOf(e.otherwise);
      break;
    case "is":
      yield* nodesOf(e.value);
      break;
    case "noneUnlessZero":
      yield* nodesOf(e.flag);
      yield* nodesOf(e.value);
      break;
  }
}

/** Whether an expression reads a given field, the length or the next protocol. */
export function mentions(e: DescExpr, what: { field: string } | "length" | "nextProto"): boolean {
  return [...nodesOf(e)].some((n) => (typeof what === "string" ? n.k === what : n.k === "field" && n.name === what.field));
}

/** Whether an expression chooses between values (`?:`): the paths it computes along, each a state for the verifier. */
export const hasChoice = (e: DescExpr | undefined): boolean => e !== undefined && [...nodesOf(e)].some((n) => n.k === "choose");
