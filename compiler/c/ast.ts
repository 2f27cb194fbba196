// A small C AST: just what generated BPF programs need. Nodes carry the TypeScript line they come from.

export interface SourceLine {
  file: string;
  line: number;
}

export type CExpr =
  | { k: "num"; text: string }
  /** A string literal, escaped as C needs. */
  | { k: "string"; value: string }
  | { k: "id"; name: string }
  /** A parameter of a macro, parenthesised where it is used (the argument may be any expression). */
  | { k: "macroArg"; name: string }
  | { k: "binary"; op: string; left: CExpr; right: CExpr }
  | { k: "unary"; op: string; operand: CExpr }
  | { k: "cast"; type: string; operand: CExpr }
  | { k: "call"; fn: string; args: CExpr[] }
  | { k: "cond"; test: CExpr; then: CExpr; else: CExpr }
  | { k: "member"; object: CExpr; field: string; arrow: boolean }
  | { k: "compound"; type: string; fields: [string, CExpr][] }
  | { k: "index"; array: CExpr; index: CExpr }
  | { k: "initList"; items: CExpr[] }
  /** An initializer naming its fields, `{ .a = x, .b = y }`. */
  | { k: "designated"; fields: [string, CExpr][] }
  | { k: "sizeof"; operand: CExpr }
  /**
   * A GNU statement expression: locals that live only while `value` is computed, and what is done with them first,
   * `({ T a = ...; f(a); value; })`.
   */
  | { k: "scoped"; locals: { type: string; name: string; init?: CExpr }[]; effects?: CExpr[]; value: CExpr };

export type CStmt =
  /** `type name[length] TSBPF_SLOT = init;`: an array when length is given (null: sized by its initializer), starting a stack slot when `slot`. */
  | { k: "decl"; type: string; name: string; length?: number | null; slot?: boolean; init?: CExpr; at?: SourceLine }
  | { k: "expr"; expr: CExpr; at?: SourceLine }
  | { k: "if"; test: CExpr; then: CStmt[]; else?: CStmt[]; at?: SourceLine }
  | { k: "return"; value?: CExpr; at?: SourceLine }
  | { k: "block"; body: CStmt[]; at?: SourceLine }
  | { k: "for"; init?: CStmt; test?: CExpr; update?: CExpr; body: CStmt[]; at?: SourceLine }
  | { k: "while"; test: CExpr; body: CStmt[]; at?: SourceLine }
  | { k: "switch"; test: CExpr; cases: { values: CExpr[]; isDefault: boolean; body: CStmt[] }[]; at?: SourceLine }
  | { k: "break"; at?: SourceLine }
  | { k: "goto"; label: string; at?: SourceLine }
  /** A `#pragma` line (e.g. `clang loop unroll(disable)` before a loop). */
  | { k: "pragma"; text: string; at?: SourceLine }
  /** A comment on the statements that follow. */
  | { k: "comment"; text: string; at?: SourceLine }
  | { k: "continue"; at?: SourceLine }
  /** A label followed by the statement it labels. */
  | { k: "label"; name: string; body: CStmt; at?: SourceLine };

export interface CParam {
  type: string;
  name: string;
}

export interface CFunction {
  name: string;
  returnType: string;
  params: CParam[];
  body: CStmt[];
  /** e.g. `static __always_inline`. */
  qualifiers: string[];
  /** The ELF section of a program. */
  section?: string;
  comment?: string;
  at?: SourceLine;
}

/** A function-like macro (`params`) or an object-like one, whose replacement is an expression or, rarely, bare tokens. */
export interface CMacro {
  name: string;
  params?: string[];
  body: CExpr | { tokens: string };
  comment?: string;
}

/** A member of a struct: `type name[length] attributes;` (an unnamed member is a type alone, e.g. a union). */
export interface CField {
  type: string;
  name?: string;
  /** An array's length: a number, or the name of a constant. */
  length?: number | string;
  attributes?: string;
  comment?: string;
}

/**
 * What the file is made of outside functions' bodies: functions, macros, struct and enum types, typedefs, variables
 * (a struct variable may have a type of its own, `struct { ... } name SEC(".maps")`), kernel helper pointers, and the
 * fixed runtime's headers verbatim.
 */
export type CTopLevel =
  | { k: "function"; fn: CFunction }
  | { k: "macro"; macro: CMacro }
  | { k: "text"; text: string }
  | { k: "comment"; text: string }
  | { k: "struct"; tag: string; fields: CField[]; comment?: string }
  | { k: "enum"; tag: string; members: [string, number][] }
  | { k: "typedef"; type: string; name: string; attributes?: string }
  /**
   * `qualifiers type name[] = init;`, the type a struct of its own when `fields` is given, an array sized by its
   * initializer when `unsized`; `symbol` its ELF name.
   */
  | { k: "variable"; qualifiers?: string[]; type: string; fields?: CField[]; name: string; unsized?: boolean; symbol?: string; section?: string; init?: CExpr; comment?: string }
  /** `static R (*const name)(params) = (void *)id;`: a kernel helper called through its number. */
  | { k: "helperPointer"; name: string; returns: string; params: string; id: number };

export type CGlobal = CTopLevel & { at?: SourceLine };

export interface CUnit {
  /** C placed first, each part printed: the runtime headers, the contexts, the kernel helpers, the packet runtime. */
  prelude: string[];
  globals: CGlobal[];
  functions: CFunction[];
}

export const num = (value: bigint | number, suffix = ""): CExpr => ({ k: "num", text: `${value}${suffix}` });
export const id = (name: string): CExpr => ({ k: "id", name });
export const binary = (op: string, left: CExpr, right: CExpr): CExpr => ({ k: "binary", op, left, right });
export const unary = (op: string, operand: CExpr): CExpr => ({ k: "unary", op, operand });
export const cast = (type: string, operand: CExpr): CExpr => ({ k: "cast", type, operand });
export const call = (fn: string, args: CExpr[]): CExpr => ({ k: "call", fn, args });
export const cond = (test: CExpr, then: CExpr, otherwise: CExpr): CExpr => ({ k: "cond", test, then, else: otherwise });
export const member = (object: CExpr, field: string, arrow = false): CExpr => ({ k: "member", object, field, arrow });
/** A hexadecimal literal (masks, selectors), with a suffix such as ULL. */
export function hex(value: number | bigint, suffix = ""): CExpr {
  if (value < 0) throw new Error(`internal: hex(${value}) of a negative number`);
  return { k: "num", text: `0x${value.toString(16)}${suffix}` };
}
/** base + offset: a pointer moved by a constant or an expression. */
export const offsetFrom = (base: CExpr, offset: number | CExpr): CExpr => binary("+", base, typeof offset === "number" ? num(offset) : offset);
export const element = (array: CExpr, index: number | bigint | CExpr): CExpr => ({ k: "index", array, index: typeof index === "object" ? index : num(index) });
/** A function inlined into every caller (`static __always_inline`). */
export const inlineFunction = (name: string, returnType: string, params: CParam[], body: CStmt[]): CFunction => ({ name, returnType, params, body, qualifiers: ["static", "__always_inline"] });
export const deref = (type: string, pointer: CExpr): CExpr => unary("*", cast(`${type} *`, pointer));

export const exprStmt = (expr: CExpr): CStmt => ({ k: "expr", expr });
export const callStmt = (fn: string, args: CExpr[]): CStmt => exprStmt(call(fn, args));
export const assign = (target: CExpr, value: CExpr): CStmt => exprStmt(binary("=", target, value));
export const decl = (type: string, name: string, init?: CExpr): CStmt => ({ k: "decl", type, name, init });
/** A local that starts a stack slot of its own (TSBPF_SLOT): an array when length is given. */
export const slotDecl = (type: string, name: string, init?: CExpr, length?: number): CStmt => ({ k: "decl", type, name, length, slot: true, init });
export const ret = (value?: CExpr): CStmt => ({ k: "return", value });
export const ifThen = (test: CExpr, then: CStmt[], otherwise?: CStmt[]): CStmt => ({ k: "if", test, then, else: otherwise });
export const goto = (label: string): CStmt => ({ k: "goto", label });
export const comment = (text: string): CStmt => ({ k: "comment", text });
/** `!(e)`: the negation of a condition. */
export const not = (e: CExpr): CExpr => unary("!", e);

/** Whether C would take an expression for an integer constant (literals, enumerators, and casts and operators on them). */
export function isConstantInC(e: CExpr): boolean {
  switch (e.k) {
    case "num":
      return true;
    case "id":
      return /^[A-Z][A-Z0-9_]*$/.test(e.name); // an enumerator such as XDP_PASS (a local so named only costs a barrier)
    case "cast":
    case "unary":
      return isConstantInC(e.operand);
    case "binary":
      return isConstantInC(e.left) && isConstantInC(e.right);
    case "cond":
      return isConstantInC(e.test) && isConstantInC(e.then) && isConstantInC(e.else);
    default:
      return false;
  }
}
