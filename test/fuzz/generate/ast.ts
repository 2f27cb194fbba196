// The generator's own syntax tree of a probe: what the printer turns into source text and the shrinker reduces.

/** The tsbpf type of an expression when the shrinker may replace it by a constant of that type (an integer type or bool). */
export type ValueTag = "u8" | "u16" | "u32" | "u64" | "i8" | "i16" | "i32" | "i64" | "bool";

export type Expr = (
  | { k: "num"; value: bigint; hex?: boolean }
  | { k: "bool"; value: boolean }
  | { k: "str"; value: string }
  | { k: "name"; name: string }
  | { k: "member"; obj: Expr; name: string; optional?: boolean }
  | { k: "call"; callee: Expr; args: Expr[] }
  | { k: "index"; obj: Expr; index: Expr }
  | { k: "unary"; op: "!" | "-" | "~"; e: Expr }
  | { k: "binary"; op: string; l: Expr; r: Expr }
  | { k: "cond"; c: Expr; a: Expr; b: Expr }
  | { k: "object"; fields: { name: string; value: Expr }[] }
  | { k: "array"; items: Expr[] }
  | { k: "new"; cls: string; typeArgs: string[]; args: Expr[] }
) & { t?: ValueTag };

export type Stmt =
  | { k: "decl"; kind: "const" | "let"; name: string; type?: string; init: Expr }
  | { k: "assign"; target: Expr; op: string; value: Expr }
  | { k: "step"; target: Expr; op: "++" | "--" }
  | { k: "expr"; e: Expr }
  | { k: "if"; cond: Expr; then: Stmt[]; else?: Stmt[] }
  | { k: "for"; name: string; type: string; from: bigint; cond: "<" | "<=" | "!=" | ">" | ">="; to: bigint; update: "++" | "--" | "+=" | "-=" | "= +"; step: bigint; body: Stmt[] }
  | { k: "forOf"; name: string; from?: bigint; to: bigint; body: Stmt[] }
  | { k: "while"; name: string; to: bigint; body: Stmt[] }
  | { k: "switch"; disc: Expr; cases: SwitchCase[] }
  | { k: "return"; e?: Expr }
  | { k: "break" }
  | { k: "continue" }
  | { k: "block"; body: Stmt[] };

export interface SwitchCase {
  /** Constant labels; none for `default`. */
  labels: Expr[];
  body: Stmt[];
}

export interface Param {
  name: string;
  type: string;
}

export interface ProgramDecl {
  /** The decorator's name: xdp, tc or socketFilter. */
  decorator: string;
  /** The decorator's options object, printed as given (e.g. `{ onError: XdpAction.Drop }`). */
  options?: Expr;
  name: string;
  contextType: string;
  verdictType: string;
  body: Stmt[];
}

export type Item =
  | { k: "struct"; name: string; alias: boolean; fields: Param[] }
  | { k: "const"; name: string; type?: string; init: Expr }
  | { k: "function"; name: string; params: Param[]; returns: string; noinline: boolean; body: Stmt[] }
  | { k: "class"; name: string; programs: ProgramDecl[] };

export interface Probe {
  /** The leading comment (one or more lines): what generated the probe and how to make it again. */
  header: string;
  items: Item[];
}

export const num = (value: bigint | number, t?: ValueTag): Expr => ({ k: "num", value: BigInt(value), t });
export const name = (n: string, t?: ValueTag): Expr => ({ k: "name", name: n, t });
export const member = (obj: Expr, n: string, t?: ValueTag, optional = false): Expr => ({ k: "member", obj, name: n, t, optional: optional || undefined });
export const call = (callee: Expr, args: Expr[] = [], t?: ValueTag): Expr => ({ k: "call", callee, args, t });
/** A call of a method: `obj.name(args)`, or `obj?.name(args)` when optional. */
export const method = (obj: Expr, n: string, args: Expr[] = [], t?: ValueTag, optional = false): Expr => call(member(obj, n, undefined, optional), args, t);
export const index = (obj: Expr, i: Expr, t?: ValueTag): Expr => ({ k: "index", obj, index: i, t });
export const unary = (op: "!" | "-" | "~", e: Expr, t?: ValueTag): Expr => ({ k: "unary", op, e, t });
export const binary = (op: string, l: Expr, r: Expr, t?: ValueTag): Expr => ({ k: "binary", op, l, r, t });
export const cond = (c: Expr, a: Expr, b: Expr, t?: ValueTag): Expr => ({ k: "cond", c, a, b, t });
export const bool = (value: boolean): Expr => ({ k: "bool", value, t: "bool" });
export const str = (value: string): Expr => ({ k: "str", value });
/** A conversion such as `u16(x)`: a call of the type's own function. */
export const convert = (type: ValueTag, e: Expr): Expr => call(name(type), [e], type);
